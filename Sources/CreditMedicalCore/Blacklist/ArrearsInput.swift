/// The checks of what callers pass to the arrears list, against the ``InputRule``s: one place
/// names the limits and the errors.
enum ArrearsInput {
    /// The most UTF-8 bytes of a patient id, rule id or reviewer id.
    static let maximumNameLength = 128

    static func check<ID: LedgerIdentifier>(_ id: ID, _ field: String) throws(ArrearsError) {
        if let rule = id.violation { throw invalid(field, rule, limit: ID.maximumLength) }
    }

    /// A patient, rule or reviewer id.
    static func check(_ name: String, _ field: String) throws(ArrearsError) {
        if let rule = InputRules.identifierViolation(name, maximumLength: maximumNameLength) { throw invalid(field, rule, limit: maximumNameLength) }
    }

    /// Stored free text.
    static func checkText(_ text: String, _ field: String) throws(ArrearsError) {
        if let rule = InputRules.textViolation(text) { throw invalid(field, rule, limit: InputRules.maximumTextLength) }
    }

    /// A reason: text in both languages, not both empty.
    static func check(_ reason: BilingualText, _ field: String) throws(ArrearsError) {
        try checkText(reason.chinese, field)
        try checkText(reason.english, field)
        if reason.chinese.isEmpty && reason.english.isEmpty { throw invalid(field, .empty, limit: InputRules.maximumTextLength) }
    }

    private static func invalid(_ field: String, _ rule: InputRule, limit: Int) -> ArrearsError {
        ArrearsError(.invalidInput, context: ["field": field, "rule": rule.rawValue, "limit": "\(limit) bytes"])
    }
}
