/// One feature of an applicant as a data source reported it: a number, a category, or missing with
/// the reason. A source that is down or has no record reports `missing`, never zero.
public enum FeatureValue: Sendable, Hashable, Codable {
    /// A measured quantity (months, a count, a ratio, an amount in yuan).
    case number(Double)
    /// A category, as the source spells it (`"normal"`, `"A"`, `"none"`).
    case category(String)
    /// No value, and why.
    case missing(MissingReason)
}

/// Why a feature has no value.
public enum MissingReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The source holds no record of the applicant.
    case noRecord = "no_record"
    /// The source could not be asked (down, timed out, refused).
    case sourceDown = "source_down"
    /// Nobody reported the feature.
    case notProvided = "not_provided"
}
