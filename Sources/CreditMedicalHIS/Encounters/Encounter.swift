public import CreditMedicalCore

/// What kind of visit an encounter is.
public enum EncounterKind: String, Sendable, Hashable, Codable, CaseIterable {
    case outpatient
    case emergency
    case inpatient
    /// A visit to the hospital's internet hospital (互联网医院).
    case internetHospital = "internet_hospital"
}

/// How the patient pays for an encounter.
public enum PaymentMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Charges lock the patient's credit line; one settlement at the end (先诊疗后付费).
    case credit
    /// The patient pays the self-pay part at the end; no credit is used.
    case ordinary
}

/// Where an encounter is in its life.
public enum EncounterStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Charges may be added and refunded.
    case open
    /// Checkout has begun; no more charges.
    case settling
    /// Settled and closed.
    case settled
    /// Cancelled before anything was settled.
    case cancelled
}

/// The patient an encounter is for, with what the settlement needs to know about them.
public struct Patient: Sendable, Hashable, Codable {
    /// The HIS's patient id; notifications go to this patient.
    public let id: String
    /// The credit line the patient draws on (their own or a family line); `nil` when not enrolled.
    public let line: CreditLineID?
    /// The 医保 number; `nil` for a patient without medical insurance.
    public let medicalInsuranceNumber: String?
    /// The commercial policy number; `nil` when there is none.
    public let commercialPolicy: String?

    public init(id: String, line: CreditLineID?, medicalInsuranceNumber: String? = nil, commercialPolicy: String? = nil) {
        self.id = id
        self.line = line
        self.medicalInsuranceNumber = medicalInsuranceNumber
        self.commercialPolicy = commercialPolicy
    }

    /// Throws `BillingError.Code.invalidIdentifier` naming the field and the rule when an id or
    /// number breaks an `InputRule` (ids and numbers have up to 64 bytes).
    public func validate() throws(BillingError) {
        try BillingError.requireValidIdentifier(id, "patient")
        if let line { try BillingError.requireValid(line, "patient line") }
        if let medicalInsuranceNumber { try BillingError.requireValidIdentifier(medicalInsuranceNumber, "medical insurance number") }
        if let commercialPolicy { try BillingError.requireValidIdentifier(commercialPolicy, "commercial policy") }
    }
}

/// One visit (就诊) as the ``CreditDesk`` keeps it: who, where, how it is paid, and how much of
/// its bill the credit line has locked so far.
///
/// `locked + uncovered` is what has been brought to credit: the whole bill for outpatient
/// visits, the bills of the closed days for inpatient stays.
public struct Encounter: Sendable, Hashable, Codable {
    public let id: EncounterID
    public let kind: EncounterKind
    public let patient: Patient
    public let department: String
    public let paymentMode: PaymentMode
    public let openedAt: Timestamp
    public internal(set) var status: EncounterStatus
    /// When the encounter was settled or cancelled.
    public internal(set) var closedAt: Timestamp?
    /// What the encounter's hold locks on the line now.
    public internal(set) var locked: Money
    /// What was brought to credit but the line could not cover: the excess the patient was asked
    /// to pay (settled at checkout when still due).
    public internal(set) var uncovered: Money
    /// Inpatient stays: the last billing day whose daily bill is closed (brought to credit).
    public internal(set) var billedThrough: BillingDay?
    /// How many times charges were brought to the line in this round; numbers the ledger keys.
    public internal(set) var creditSteps: Int
    /// Counts settlements: 1 until a settlement is reversed, which opens the next round with a
    /// new hold so the encounter can be corrected and settled again.
    public internal(set) var round: Int
    /// How many times the encounter has been written. Every write carries the next revision, and
    /// a store replaces only the revision before it, so a desk whose copy is out of date (another
    /// desk wrote the encounter since) has its write refused instead of overwriting the other's.
    public internal(set) var revision: Int
    /// The claim of a desk that is repeating a call other desks kept interrupting; `nil` when
    /// none holds one.
    public internal(set) var claim: EncounterClaim?
    /// The institution (医疗机构) the visit is at: the bank advances to its account.
    public let institution: InstitutionID

    /// An encounter as a store loads it.
    public init(
        id: EncounterID, kind: EncounterKind, patient: Patient, department: String, paymentMode: PaymentMode,
        openedAt: Timestamp, status: EncounterStatus = .open, closedAt: Timestamp? = nil, locked: Money = .zero,
        uncovered: Money = .zero, billedThrough: BillingDay? = nil, creditSteps: Int = 0, round: Int = 1, revision: Int = 0,
        claim: EncounterClaim? = nil, institution: InstitutionID = .unnamed
    ) {
        self.id = id
        self.kind = kind
        self.patient = patient
        self.department = department
        self.paymentMode = paymentMode
        self.openedAt = openedAt
        self.status = status
        self.closedAt = closedAt
        self.locked = locked
        self.uncovered = uncovered
        self.billedThrough = billedThrough
        self.creditSteps = creditSteps
        self.round = round
        self.revision = revision
        self.claim = claim
        self.institution = institution
    }

    /// The ids the desk derives for this round: hold, ledger keys, request and notification ids.
    public var keys: EncounterKeys { EncounterKeys(id, round: round) }

    /// The encounter's hold on the credit line in this round: the encounter number, followed by
    /// `#` and the round from the second round on.
    public var hold: HoldID { keys.hold }

    /// The line charges lock, when the encounter is paid on credit.
    public var creditLine: CreditLineID? { paymentMode == .credit ? patient.line : nil }
}
