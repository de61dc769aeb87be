extension Transition {
    /// ``LedgerCommand/lockUpTo(_:line:target:rule:)``: the hold shrinks to `target`, or grows
    /// towards it by what the line allows under `rule`; a hold that does not exist is placed when
    /// it gets something.
    static func lock(
        _ holdID: HoldID, on lineID: CreditLineID, to target: Money, _ rule: LockRule, in state: LedgerState, at now: Timestamp
    ) throws(LedgerError) -> Transition {
        guard let position = state.holds.position(of: holdID) else {
            var transition = try ofLine(lineID, in: state)
            let locked = transition.lockable(target, rule)
            guard locked.isPositive else { return transition }
            transition.after.held.fen += locked.fen
            transition.hold = HoldChange(amount: locked, captured: .zero, state: .open, endedAt: nil)
            return transition
        }
        guard state.holds[position: position].line == lineID else {
            throw LedgerError(.holdOnAnotherLine, details: "hold \(holdID) line \(lineID)")
        }
        var transition = try ofOpenHold(holdID, in: state, at: now, allowExpired: false)
        let held = transition.hold?.amount ?? .zero
        let change = target <= held ? Money(fen: target.fen - held.fen) : transition.lockable(Money(fen: target.fen - held.fen), rule)
        transition.after.held.fen += change.fen
        transition.hold?.amount.fen += change.fen
        return transition
    }

    /// How much of `amount` the line, and its guarantor for a member line, can lock under `rule`.
    func lockable(_ amount: Money, _ rule: LockRule) -> Money {
        let own = after.lockable(amount, rule)
        guard let guarantor else { return own }
        return guarantor.after.lockable(own, rule)
    }

    /// Starts a transition of a captured hold and its line.
    static func ofCapturedHold(_ id: HoldID, in state: LedgerState) throws(LedgerError) -> Transition {
        guard let position = state.holds.position(of: id) else { throw LedgerError(.holdNotFound, details: "hold \(id)") }
        let hold = state.holds[position: position].change
        guard hold.state == .captured else { throw LedgerError(.holdNotCaptured, details: "hold \(id) is \(hold.state)") }
        var transition = try ofLine(state.holds[position: position].line, in: state)
        transition.hold = hold
        transition.holdPosition = position
        return transition
    }

    /// Takes `amount` off what the hold captured and what the line owes.
    mutating func reverse(_ amount: Money) {
        after.outstanding.fen -= amount.fen
        hold?.captured.fen -= amount.fen
    }
}

extension CreditLineBalances {
    /// How much of `amount` the line can lock under `rule`: nothing while it is closed, nor
    /// while it is suspended or frozen unless the rule is ``LockRule/emergency``.
    func lockable(_ amount: Money, _ rule: LockRule) -> Money {
        guard !status.contains(.closed), rule == .emergency || status.isDisjoint(with: [.suspended, .frozen]) else { return .zero }
        switch rule {
        case .asMuchAsAvailable, .emergency: return min(amount, available)
        case .allOrNothing: return amount <= available ? amount : .zero
        }
    }
}
