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

extension EnrollmentError.Code {
    /// The request names a bank the enrollment does not know; the context names the `bank`.
    public static let unknownBank = Self("enrollment.unknown_bank", "There is no bank with this id.")
    /// The request names an institution the platform does not have; the context names it.
    public static let unknownInstitution = Self("enrollment.unknown_institution", "There is no institution with this id on the platform.")
    /// The enrollment id is recorded for another request.
    public static let requestConflict = Self("enrollment.request_conflict", "This enrollment id is recorded for another request.")
    /// The patient has not signed the program's consent in its current version; the context names
    /// the `document` and the patient's `standing`.
    public static let consentMissing = Self("enrollment.consent_missing", "The patient must sign the current consent first.")
    /// The patient has an enrollment at this bank in progress or open; the context names it.
    public static let alreadyEnrolled = Self("enrollment.already_enrolled", "The patient is enrolled at this bank already.")
    /// The line the request names exists in the ledger already; the context names the `line`.
    public static let lineExists = Self("enrollment.line_exists", "The credit line exists already.")
    /// There is no open enrollment with this id to cancel.
    public static let notEnrolled = Self("enrollment.not_enrolled", "There is no open enrollment with this id.")
    /// The line still holds or owes money; the context names the `held` and `outstanding` fen and
    /// the number of `open_holds`, the details the holds' ids.
    public static let balanceRemains = Self("enrollment.balance_remains",
                                           "The line still has money held or outstanding; cancel after it is settled and repaid.")
}
