/// Who may enroll: rules on an applicant's features, as data a program loads from JSON and
/// validates on load, with presets that follow real programs (``beijingStyle``, ``suzhouStyle``,
/// ``xiamenStyle``). A refusal names every rule that failed, in Chinese and in English.
public struct EligibilityPolicy: Sendable, Hashable, Codable {
    /// The format this SDK writes; it reads this one and every earlier one.
    public static let currentFormatVersion = 1
    /// The `format` field of every eligibility file.
    public static let formatName = "creditmedical.eligibility"

    public var format: String = EligibilityPolicy.formatName
    public var formatVersion: Int = EligibilityPolicy.currentFormatVersion
    /// The policy's name and version, recorded with each decision.
    public var id: String
    public var version: String
    public var rules: [EligibilityRule]

    public init(id: String, version: String, rules: [EligibilityRule]) {
        self.id = id
        self.version = version
        self.rules = rules
    }

    /// Checks every rule against `applicant`.
    public func check(_ applicant: ApplicantFeatures) -> EligibilityDecision {
        let failed = rules.filter { !$0.passes(applicant[$0.feature]) }.map { EligibilityDecision.Failure(rule: $0.id, sentence: $0.sentence) }
        return EligibilityDecision(policyID: id, policyVersion: version, failed: failed)
    }
}

/// What an eligibility check found: eligible, or the rules that failed.
public struct EligibilityDecision: Sendable, Hashable, Codable {
    /// A rule the applicant failed, with what they are told.
    public struct Failure: Sendable, Hashable, Codable {
        public let rule: String
        public let sentence: BilingualText

        public init(rule: String, sentence: BilingualText) {
            self.rule = rule
            self.sentence = sentence
        }
    }

    /// The policy's id and version.
    public let policyID: String
    public let policyVersion: String
    /// Every rule that failed, in the policy's order; empty when eligible.
    public let failed: [Failure]

    public var isEligible: Bool { failed.isEmpty }

    public init(policyID: String, policyVersion: String, failed: [Failure]) {
        self.policyID = policyID
        self.policyVersion = policyVersion
        self.failed = failed
    }
}
