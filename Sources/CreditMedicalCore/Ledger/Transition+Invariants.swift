extension Transition {
    /// The first invariant a decided command would break, or `nil`: balances and the hold stay
    /// non-negative (invariant 2); the line's held amount moves exactly as the hold's amount does
    /// (invariant 4); the outstanding amount moves only by what the hold captured or had reversed,
    /// or by a repayment (invariant 1); an ended hold holds nothing.
    ///
    /// The state machine asserts it before it stores a transition, in debug builds and tests (the
    /// way TigerBeetle asserts where an invariant can break); release builds skip it.
    func invariantViolation(of command: LedgerCommand, in state: LedgerState) -> String? {
        guard after.limit.fen >= 0, after.held.fen >= 0, after.outstanding.fen >= 0 else { return "a negative balance" }
        let heldDelta = after.held.fen - before.held.fen
        let outstandingDelta = after.outstanding.fen - before.outstanding.fen
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
}
