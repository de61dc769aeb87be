extension Transition {
    /// The first invariant a decided command would break, or `nil`: balances and the hold stay
    /// non-negative (invariant 2); the line's held amount moves exactly as the hold's amount does
    /// (invariant 4); the outstanding amount moves only by what the hold captured or had reversed,
    /// or by a repayment (invariant 1); an ended hold holds nothing; a line never owes less than
    /// its members' part; a member line's guarantor moves by exactly the member line's held and
    /// outstanding deltas, and only on commands that move money.
    ///
    /// The state machine asserts it before it stores a transition, in debug builds and tests (the
    /// way TigerBeetle asserts where an invariant can break); release builds skip it.
    func invariantViolation(of command: LedgerCommand, in state: LedgerState) -> String? {
        guard after.limit.fen >= 0, after.held.fen >= 0, after.outstanding.fen >= 0 else { return "a negative balance" }
        let heldDelta = after.held.fen - before.held.fen
        let outstandingDelta = after.outstanding.fen - before.outstanding.fen
        guard ownOutstanding(in: state).fen >= 0 else { return "the line owes less than its members' part" }
        if let violation = guarantorViolation(of: command, heldDelta: heldDelta, outstandingDelta: outstandingDelta) { return violation }
        guard let hold else {
            let repaid = if case .repay(_, let amount) = command { -amount.fen } else { Int64(0) }
            return heldDelta == 0 && outstandingDelta == repaid ? nil : "the line moved without a hold"
        }
        let previous = holdPosition.map { state.holds[position: $0].change }
        guard hold.amount.fen >= 0, hold.captured.fen >= 0 else { return "a negative hold" }
        guard hold.state == .open || hold.amount == .zero else { return "an ended hold still holds money" }
        guard heldDelta == hold.amount.fen - (previous?.amount.fen ?? 0) else { return "held moved apart from the hold" }
        guard outstandingDelta == hold.captured.fen - (previous?.captured.fen ?? 0) else { return "outstanding moved apart from the capture" }
        return nil
    }

    /// How the guarantor's move breaks an invariant, or `nil`.
    private func guarantorViolation(of command: LedgerCommand, heldDelta: Int64, outstandingDelta: Int64) -> String? {
        guard let guarantor else { return nil }
        guard command.movesMoney else { return "the guarantor moved on a command that moves no money" }
        let moved = guarantor.after
        guard moved.held.fen >= 0, moved.outstanding.fen >= 0, guarantor.membersOutstandingAfter.fen >= 0 else {
            return "a negative guarantor balance"
        }
        guard moved.limit == guarantor.before.limit, moved.status == guarantor.before.status else {
            return "the guarantor's limit or status changed"
        }
        guard moved.held.fen - guarantor.before.held.fen == heldDelta,
              moved.outstanding.fen - guarantor.before.outstanding.fen == outstandingDelta,
              guarantor.membersOutstandingAfter.fen - guarantor.membersOutstandingBefore.fen == outstandingDelta else {
            return "the guarantor moved apart from the member line"
        }
        guard guarantor.membersOutstandingAfter <= moved.outstanding else { return "the guarantor owes less than its members' part" }
        return nil
    }
}
