/// A patient's application for a credit line at one bank: what a HIS submits once the patient
/// has signed the program's consent.
public struct EnrollmentRequest: Sendable, Hashable, Codable {
    /// Unique per application, chosen by the caller: submitting it again resumes it.
    public var id: String
    /// The HIS's patient id.
    public var patient: String
    /// The bank's id, one of the banks the ``CreditEnrollment`` knows.
    public var bank: String
    /// The line to open: the bank's credit account for this patient, as the bank names it.
    public var line: CreditLineID
    /// The institution the patient enrolled at, whose policy says where else the line may be
    /// used; `nil` for a line of the whole platform.
    public var institution: InstitutionID?
    /// Features the HIS knows itself (such as the patient's insurance status); a data source
    /// reporting the same feature wins.
    public var known: ApplicantFeatures

    public init(id: String, patient: String, bank: String, line: CreditLineID, institution: InstitutionID? = nil,
                known: ApplicantFeatures = [:]) {
        self.id = id
        self.patient = patient
        self.bank = bank
        self.line = line
        self.institution = institution
        self.known = known
    }
}

/// What an enrollment granted: the bank's line, the score and its tier, and the limit opened.
public struct EnrollmentGrant: Sendable, Hashable, Codable {
    /// The limit the bank granted (the base of the tiers).
    public let bankLimit: Money
    /// The score and the id of its ``ScoreRecord``.
    public let score: Int
    public let scoreRecord: String
    /// The tier the score fell in and the limit the line opened with; after a review, the
    /// tier and limit it set.
    public let tier: String
    public let limit: Money

    public init(bankLimit: Money, score: Int, scoreRecord: String, tier: String, limit: Money) {
        self.bankLimit = bankLimit
        self.score = score
        self.scoreRecord = scoreRecord
        self.tier = tier
        self.limit = limit
    }

    /// The grant after a review: its tier and limit, the bank's line and the score unchanged.
    func changed(to change: LimitChange) -> EnrollmentGrant {
        EnrollmentGrant(bankLimit: bankLimit, score: score, scoreRecord: scoreRecord, tier: change.tier, limit: change.limit)
    }
}
