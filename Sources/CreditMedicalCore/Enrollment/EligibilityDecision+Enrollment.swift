extension EligibilityDecision.Failure {
    /// An enrollment's refusal after the eligibility rules passed: the bank stopped the line or
    /// granted nothing (rule `bank_line`).
    public static let bankLine = Self(
        rule: "bank_line", sentence: BilingualText(chinese: "合作银行未给予授信额度", english: "The bank granted no credit line."))
    /// An enrollment's refusal after the eligibility rules passed: the score fell in no tier, or
    /// in a tier that grants nothing (rule `score_tier`).
    public static let scoreTier = Self(
        rule: "score_tier", sentence: BilingualText(chinese: "信用评分未达到授信等级", english: "The credit score reaches no limit tier."))
}
