extension LedgerRequest {
    /// Rejects malformed fields before anything is looked up or stored: an identifier or key
    /// that breaks an ``InputRule`` (``LedgerError/Code/invalidIdentifier``, naming the field and
    /// the rule), or an amount that is not positive, or a negative limit
    /// (``LedgerError/Code/invalidAmount``). The ``Ledger`` answers such requests itself, so they
    /// never reach a store; the ``LedgerStateMachine`` checks again, for its other callers.
    public func validate() throws(LedgerError) {
        try Self.check(key, field: "key")
        if let line = command.lineID { try Self.check(line, field: "line") }
        if let hold = command.holdID { try Self.check(hold, field: "hold") }
        guard let amount = command.amount else { return }
        switch command.kind {
        case .openLine, .adjustLimit:
            guard amount.fen >= 0 else { throw LedgerError(.invalidAmount, context: ["field": "limit"], details: "limit \(amount.fen)") }
        case .lockUpToAvailable, .lockUpToAllOrNothing:
            guard amount.fen >= 0 else { throw LedgerError(.invalidAmount, context: ["field": "target"], details: "target \(amount.fen)") }
        default:
            guard amount.isPositive else { throw LedgerError(.invalidAmount, context: ["field": "amount"], details: "amount \(amount.fen)") }
        }
    }

    @inline(__always)
    static func check<ID: LedgerIdentifier>(_ id: ID, field: String) throws(LedgerError) {
        guard let rule = id.violation else { return }
        throw LedgerError.invalidIdentifier(field, rule, limit: ID.maximumLength)
    }
}

extension LedgerError {
    /// ``Code/invalidIdentifier`` for `field`, which breaks `rule` (its limit is `limit` bytes).
    public static func invalidIdentifier(_ field: String, _ rule: InputRule, limit: Int) -> LedgerError {
        LedgerError(.invalidIdentifier, context: ["field": field, "rule": rule.rawValue, "limit": "\(limit) bytes"])
    }
}
