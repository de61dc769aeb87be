public import CreditMedicalCore

extension BillingError {
    /// The most UTF-8 bytes of an identifier the HIS passes as plain text (a patient's id, a 医保
    /// or policy number, an item code).
    public static let maximumIdentifierLength = 64

    /// Throws `Code.invalidIdentifier` naming `field` and the rule, unless `id` follows every
    /// ``InputRule``.
    static func requireValid<ID: LedgerIdentifier>(_ id: ID, _ field: String) throws(BillingError) {
        if let rule = id.violation { throw invalid(.invalidIdentifier, field, rule, limit: ID.maximumLength) }
    }

    /// Throws `Code.invalidIdentifier` naming `field` and the rule, unless `text` is a valid
    /// identifier of at most ``maximumIdentifierLength`` bytes.
    static func requireValidIdentifier(_ text: String, _ field: String) throws(BillingError) {
        if let rule = InputRules.identifierViolation(text, maximumLength: maximumIdentifierLength) {
            throw invalid(.invalidIdentifier, field, rule, limit: maximumIdentifierLength)
        }
    }

    /// Throws `Code.invalidText` naming `field` and the rule, unless `text` may be stored as free
    /// text.
    static func requireValidText(_ text: String, _ field: String) throws(BillingError) {
        if let rule = InputRules.textViolation(text) { throw invalid(.invalidText, field, rule, limit: InputRules.maximumTextLength) }
    }

    private static func invalid(_ code: Code, _ field: String, _ rule: InputRule, limit: Int) -> BillingError {
        BillingError(code, context: ["field": field, "rule": rule.rawValue, "limit": "\(limit) bytes"])
    }
}
