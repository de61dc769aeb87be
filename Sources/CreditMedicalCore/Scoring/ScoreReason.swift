/// Why a score is lower than it could be: one feature's bin, with a stable code and a sentence in
/// Chinese and in English, for the patient, the cashier and the auditor.
public struct ScoreReason: Sendable, Hashable, Codable {
    /// A stable code, such as `housing_fund_months.short`.
    public let code: String
    /// The sentence in Chinese: 住房公积金缴存不足12个月.
    public let chinese: String
    /// The sentence in English: housing fund paid for less than 12 months.
    public let english: String
    /// How many points the applicant's bin scores below the best bin of the feature.
    public let pointsBelowBest: Int

    public init(code: String, chinese: String, english: String, pointsBelowBest: Int) {
        self.code = code
        self.chinese = chinese
        self.english = english
        self.pointsBelowBest = pointsBelowBest
    }
}
