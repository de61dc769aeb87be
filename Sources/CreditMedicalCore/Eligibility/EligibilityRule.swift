/// One condition an applicant must meet, on one feature of ``ApplicantFeatures``, with the
/// sentence a refused applicant is shown, in Chinese and in English.
public struct EligibilityRule: Sendable, Hashable, Codable {
    /// How a rule compares the feature.
    public enum Operator: String, Sendable, Hashable, Codable, CaseIterable {
        /// The feature is one of ``EligibilityRule/values`` (a category).
        case `in`
        /// The feature is none of ``EligibilityRule/values``; a missing feature passes unless
        /// ``EligibilityRule/whenMissing`` says otherwise.
        case notIn
        /// The feature is a number at least ``EligibilityRule/minimum``.
        case atLeast
        /// The feature is a number at most ``EligibilityRule/maximum``.
        case atMost
        /// The feature is a number from ``EligibilityRule/minimum`` to ``EligibilityRule/maximum``.
        case between
        /// The feature has a value (any category or number).
        case present
    }

    /// What a rule decides when the feature is missing (a source down, no record).
    public enum WhenMissing: String, Sendable, Hashable, Codable {
        /// The applicant fails the rule: the program needs the fact.
        case fail
        /// The applicant passes: only a recorded fact can refuse.
        case pass
    }

    /// A stable id, such as `insured_in_city`, named in a refusal.
    public var id: String
    public var feature: String
    public var `operator`: Operator
    /// The categories of `in` and `notIn`.
    public var values: [String]?
    public var minimum: Double?
    public var maximum: Double?
    /// Default: `fail` for every operator but `notIn`, which passes a missing feature.
    public var whenMissing: WhenMissing?
    /// What a refused applicant is told.
    public var sentence: BilingualText

    public init(id: String, feature: String, operator: Operator, values: [String]? = nil, minimum: Double? = nil, maximum: Double? = nil,
                whenMissing: WhenMissing? = nil, sentence: BilingualText) {
        self.id = id
        self.feature = feature
        self.operator = `operator`
        self.values = values
        self.minimum = minimum
        self.maximum = maximum
        self.whenMissing = whenMissing
        self.sentence = sentence
    }

    /// Whether `value` meets the rule. A NaN is missing; a value of the other kind (a number
    /// for `in`, a category for `atLeast`) does not meet it.
    public func passes(_ value: FeatureValue) -> Bool {
        let value: FeatureValue = if case .number(let number) = value, number.isNaN { .missing(.notProvided) } else { value }
        switch (self.operator, value) {
        case (.notIn, .missing): return (whenMissing ?? .pass) == .pass
        case (_, .missing): return (whenMissing ?? .fail) == .pass
        case (.present, _): return true
        case (.in, .category(let category)): return values?.contains(category) == true
        case (.notIn, .category(let category)): return values?.contains(category) != true
        case (.atLeast, .number(let number)): return number >= (minimum ?? -.infinity)
        case (.atMost, .number(let number)): return number <= (maximum ?? .infinity)
        case (.between, .number(let number)): return number >= (minimum ?? -.infinity) && number <= (maximum ?? .infinity)
        case (.in, .number), (.notIn, .number), (.atLeast, .category), (.atMost, .category), (.between, .category): return false
        }
    }
}
