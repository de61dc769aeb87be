/// What the scorer sees of one applicant: features by name. A feature no source reported reads
/// as `.missing(.notProvided)`.
public struct ApplicantFeatures: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// The reported features, by name.
    public private(set) var values: [String: FeatureValue]

    public init(_ values: [String: FeatureValue] = [:]) {
        self.values = values
    }

    public init(dictionaryLiteral elements: (String, FeatureValue)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The feature `name`, `.missing(.notProvided)` when no source reported it.
    public subscript(name: String) -> FeatureValue {
        get { values[name] ?? .missing(.notProvided) }
        set { values[name] = newValue }
    }

    /// These features with `other`'s added; `other` wins where both have a feature.
    public func merging(_ other: ApplicantFeatures) -> ApplicantFeatures {
        ApplicantFeatures(values.merging(other.values) { _, theirs in theirs })
    }
}
