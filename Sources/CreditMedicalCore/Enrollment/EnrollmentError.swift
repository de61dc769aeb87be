/// A consent or enrollment request refused; nothing was recorded.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public typealias EnrollmentError = DomainError<EnrollmentErrorDomain>

/// The domain of ``EnrollmentError``: its codes are static members of `EnrollmentError.Code`.
public enum EnrollmentErrorDomain: ErrorDomain {
    public static let generalSentence = "Enrollment error."
}

extension EnrollmentError.Code {
    /// An identifier breaks an ``InputRule``; the context names the `field` and the `rule`.
    public static let invalidInput = Self("enrollment.invalid_input", "An identifier breaks an input rule.")
    /// No consent document has this id; the context names the `document`.
    public static let unknownDocument = Self("enrollment.unknown_document", "There is no consent document with this id.")
    /// The version signed is not the document's current one; the context names the `document`,
    /// the `version` and the `current` version.
    public static let unknownVersion = Self("enrollment.unknown_version", "Only the consent's current version can be signed.")
    /// The agent may not act for the patient; the context names the `relation` claimed.
    public static let agentWithoutAuthority = Self("enrollment.agent_without_authority", "The agent may not sign for this patient.")
    /// The patient has no signature in force to cancel.
    public static let notSigned = Self("enrollment.not_signed", "The patient has not signed this consent.")
    /// The event id is recorded already, for another event.
    public static let eventConflict = Self("enrollment.event_conflict", "This event id is recorded for another event.")
}
