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

extension EligibilityDecision.Failure {
    /// An enrollment's refusal because a listing of the arrears list stands (rule
    /// `arrears_listed`), here or at another institution of the region; the sentence names the
    /// institution and the reason.
    public static func arrearsListed(_ listing: RegistryListing) -> Self {
        Self(rule: "arrears_listed", sentence: BilingualText(
            chinese: "已被\(listing.institution.rawValue)列入欠费名单：\(listing.reason.chinese)",
            english: "Listed for arrears by \(listing.institution.rawValue): \(listing.reason.english)"))
    }
}
