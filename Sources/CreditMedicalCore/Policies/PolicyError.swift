/// A policy file (eligibility rules, limit tiers) that cannot be used: not JSON, a key the format
/// does not know, a missing or mistyped value, an unknown operator, overlapping tiers.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public typealias PolicyError = DomainError<PolicyErrorDomain>

/// The domain of ``PolicyError``: its codes are static members of `PolicyError.Code`.
public enum PolicyErrorDomain: ErrorDomain {
    public static let generalSentence = "Policy error."
}

extension PolicyError.Code {
    /// The file breaks its format; the context names the `policy` kind, the `path` of the first
    /// problem (such as `rules[2].operator`) and the `problem`.
    public static let invalidPolicy = Self("policy.invalid", "The policy file breaks its format.")
    /// The file's `formatVersion` is newer than this SDK reads.
    public static let unsupportedFormat = Self("policy.unsupported_format", "The policy file's format version is not one this SDK reads.")
}
