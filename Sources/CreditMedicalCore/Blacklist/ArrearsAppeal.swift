/// An appeal against an arrears entry (申诉), as submitted: by whom and what they say.
public struct ArrearsAppeal: Sendable, Hashable, Codable {
    public var id: ArrearsAppealID
    /// Who submitted it: the patient's id, or an agent's.
    public var submittedBy: String
    /// What the appellant says, as free text (may be empty).
    public var statement: String

    public init(id: ArrearsAppealID, submittedBy: String, statement: String) {
        self.id = id
        self.submittedBy = submittedBy
        self.statement = statement
    }

    /// Throws `ArrearsError.Code.invalidInput` naming the field and the rule.
    func validate() throws(ArrearsError) {
        try ArrearsInput.check(id, "appeal")
        try ArrearsInput.check(submittedBy, "submitted_by")
        try ArrearsInput.checkText(statement, "statement")
    }
}
