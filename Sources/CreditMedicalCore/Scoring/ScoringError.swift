/// A scorecard that cannot be loaded, features that cannot be scored, or a model service that
/// did not answer.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public typealias ScoringError = DomainError<ScoringErrorDomain>

/// The domain of ``ScoringError``: its codes are static members of `ScoringError.Code`.
public enum ScoringErrorDomain: ErrorDomain {
    public static let generalSentence = "Scoring error."
}

extension ScoringError.Code {
    /// A patient id or record id breaks an ``InputRule``; the context names the `field` and `rule`.
    public static let invalidInput = Self("scoring.invalid_input", "An identifier breaks an input rule.")
    /// A decision id is recorded already, for another patient.
    public static let recordConflict = Self("scoring.record_conflict", "This decision id is recorded for another patient.")
    /// The scorecard file is not valid JSON or breaks the format; the context names the `path`
    /// (such as `features[2].bins[1].upTo`) and the `problem`.
    public static let invalidScorecard = Self("scoring.invalid_scorecard", "The scorecard breaks its format.")
    /// The scorecard's `formatVersion` is newer than this SDK reads.
    public static let unsupportedFormat = Self("scoring.unsupported_format", "The scorecard's format version is not one this SDK reads.")
    /// The model service did not answer in time.
    public static let modelTimeout = Self("scoring.model_timeout", "The model service did not answer in time.")
    /// The model service answered with an error or an answer that is not a score.
    public static let modelFailed = Self("scoring.model_failed", "The model service failed or gave an answer that is not a score.")
    /// An ``ExternalScorer``'s configuration cannot be used (an `https` or malformed URL, a
    /// timeout or attempts below one, a header that cannot be sent); the context names the
    /// `problem` and, for a header, its name (never its value).
    public static let invalidModelService = Self("scoring.invalid_model_service", "The model service's configuration cannot be used.")
    /// A request to a model service breaks the format (such as a number that is not finite);
    /// the context names the `feature` or the `problem`.
    public static let invalidModelRequest = Self("scoring.invalid_model_request", "The request to the model service breaks its format.")
    /// A batch's columns do not fit the scorecard (a feature is missing or of the other kind, or
    /// the columns differ in length).
    public static let batchMismatch = Self("scoring.batch_mismatch", "The batch's columns do not fit the scorecard.")
}
