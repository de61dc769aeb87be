/// A reviewer's decision on an appeal: the entry stands, or it is revoked, and why.
public struct ArrearsDecision: Sendable, Hashable, Codable {
    /// What the reviewer decided.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// The entry stands (申诉驳回).
        case upheld
        /// The entry should not have been made: it is lifted everywhere it was pushed (撤销).
        case revoked
    }

    public var appeal: ArrearsAppealID
    /// The reviewer's id.
    public var reviewer: String
    public var outcome: Outcome
    /// What the appellant is told.
    public var reason: BilingualText

    public init(appeal: ArrearsAppealID, reviewer: String, outcome: Outcome, reason: BilingualText) {
        self.appeal = appeal
        self.reviewer = reviewer
        self.outcome = outcome
        self.reason = reason
    }

    /// Throws `ArrearsError.Code.invalidInput` naming the field and the rule.
    func validate() throws(ArrearsError) {
        try ArrearsInput.check(appeal, "appeal")
        try ArrearsInput.check(reviewer, "reviewer")
        try ArrearsInput.check(reason, "reason")
    }
}
