extension LedgerRequest {
    /// Rejects malformed fields before anything is looked up or stored: an identifier or key
    /// that breaks an ``InputRule`` (`LedgerError.Code.invalidIdentifier`, naming the field and
    /// the rule), or an amount that is not positive, or a negative limit
    /// (`LedgerError.Code.invalidAmount`). The ``Ledger`` answers such requests itself, so they
    /// never reach a store; the ``LedgerStateMachine`` checks again, for its other callers.
    public func validate() throws(LedgerError) {
        try Self.check(key, field: "key")
        if let line = command.lineID { try Self.check(line, field: "line") }
        if let hold = command.holdID { try Self.check(hold, field: "hold") }
        switch command {
        case .openLine(_, let limit):
            try Self.check(limit, field: "limit", allowingZero: true)
        case .openMemberLine(_, let guarantor, let cap):
            try Self.check(guarantor, field: "guarantor")
            try Self.check(cap, field: "cap", allowingZero: true)
        case .adjustLimit(_, let limit, let reason):
            try Self.check(limit, field: "limit", allowingZero: true)
            if let reason, let rule = InputRules.textViolation(reason, maximumLength: LedgerLimits.maximumReasonLength) {
                throw LedgerError.invalidIdentifier("reason", rule, limit: LedgerLimits.maximumReasonLength)
            }
        case .writeOff(_, let amount, let reason):
            try Self.check(amount, field: "amount", allowingZero: false)
            if let rule = InputRules.textViolation(reason, maximumLength: LedgerLimits.maximumReasonLength) {
                throw LedgerError.invalidIdentifier("reason", rule, limit: LedgerLimits.maximumReasonLength)
            }
        case .lockUpTo(_, _, let target, _):
            try Self.check(target, field: "target", allowingZero: true)
        case .placeHold(_, _, let amount, _), .increaseHold(_, let amount), .decreaseHold(_, let amount), .captureHold(_, let amount),
            .repay(_, let amount), .reverseCapture(_, let amount), .reverseCaptureUpTo(_, let amount):
            try Self.check(amount, field: "amount", allowingZero: false)
        case .suspendLine, .resumeLine, .freezeLine, .unfreezeLine, .closeLine, .voidHold, .expireHold:
            break
        }
    }

    private static func check(_ amount: Money, field: String, allowingZero: Bool) throws(LedgerError) {
        guard amount.isPositive || (allowingZero && amount == .zero) else {
            throw LedgerError(.invalidAmount, context: ["field": field], details: "\(field) \(amount.fen)")
        }
    }

    @inline(__always)
    static func check<ID: LedgerIdentifier>(_ id: ID, field: String) throws(LedgerError) {
        guard let rule = id.violation else { return }
        throw LedgerError.invalidIdentifier(field, rule, limit: ID.maximumLength)
    }
}

extension LedgerError {
    /// `Code.invalidIdentifier` for `field`, which breaks `rule` (its limit is `limit` bytes).
    public static func invalidIdentifier(_ field: String, _ rule: InputRule, limit: Int) -> LedgerError {
        LedgerError(.invalidIdentifier, context: ["field": field, "rule": rule.rawValue, "limit": "\(limit) bytes"])
    }
}
