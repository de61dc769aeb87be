import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting

/// One hospital's SDK instance for the arrears tests: its own ledger and stores, its banks, an
/// enrollment program and a desk that screen for arrears, and an arrears list that pushes to a
/// registry the hospitals share.
struct ArrearsHospital {
    static let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)
    static let document = ConsentDocument(id: "agreement", version: 1,
                                          title: BilingualText(chinese: "信用就医服务协议", english: "Credit care agreement"))
    /// Every applicant scores 700 and earns the bank's whole line.
    static let card = Scorecard(id: "flat", version: "1", baseScore: 700, features: [
        Scorecard.Feature(name: "housing_fund_months", kind: .numeric, bins: [Scorecard.Bin(points: 0)], missing: Scorecard.Bin(points: 0)),
    ])
    static let limits = LimitPolicy(id: "flat", version: "1", tiers: [LimitPolicy.Tier(name: "A", minimumScore: 0, permille: 1_000)])
    static let reason = BilingualText(chinese: "住院费用逾期90天未还", english: "inpatient bill 90 days overdue")

    let institution: InstitutionID
    let clock = ManualClock(ArrearsHospital.start)
    let database = InMemoryDatabase()
    let ledger: Ledger
    let parties = FakeParties(medical: .init(deductible: Money(fen: 10_000), classBPermille: 700),
                              commercial: .init(permille: 500, perClaimCap: Money(fen: 100_000)))
    let otherBank = FakeCreditProvider()
    let subjects = FakeArrearsSubjectDirectory()
    let arrearsStore = InMemoryArrearsStore()
    let list: ArrearsList

    init(_ institution: InstitutionID, registry: FakePublicCreditRegistry, coolingDays: Int = 30) {
        self.institution = institution
        ledger = Ledger(store: database.ledgerStore, clock: clock)
        list = ArrearsList(configuration: .init(coolingDays: coolingDays), ledger: ledger, store: arrearsStore, registry: registry,
                           notices: parties.notifications)
    }

    var screening: ArrearsScreening { ArrearsScreening(list: list, subjects: subjects) }

    var consents: ConsentBook {
        ConsentBook(documents: [Self.document], store: database.consentStore, authority: FakeAgentAuthority(), clock: clock)
    }

    var enrollment: CreditEnrollment {
        get throws {
            let scoring = CreditScoring(sources: [], scorer: try ScorecardScorer(Self.card), records: database.scoreRecordStore, clock: clock)
            return CreditEnrollment(
                configuration: .init(consentDocument: Self.document.id, eligibility: EligibilityPolicy(id: "open", version: "1", rules: []),
                                     limits: Self.limits, institutions: [institution], arrears: screening),
                consents: consents, scoring: scoring, banks: ["bank-1": parties.bank, "bank-2": otherBank], ledger: ledger,
                store: database.enrollmentStore)
        }
    }

    var desk: CreditDesk {
        parties.desk(ledger: ledger, store: database.encounterStore, configuration: .init(institution: institution, arrears: screening))
    }

    /// Registers `patient` as `subject`, has them sign the consent, and applies for a line of
    /// ¥5,000 at `bank`: line `BANK/PATIENT`, request `PATIENT@BANK`.
    func enroll(_ patient: String, subject: ArrearsSubject, bank: String = "bank-1") async throws -> EnrollmentStatus {
        subjects.register(patient, as: subject)
        _ = try consents.sign(Self.document.id, version: 1, patient: patient, channel: .app, signer: .patient, id: "sign-\(patient)")
        let line = CreditLineID("\(bank)/\(patient)")
        (bank == "bank-1" ? parties.bank : otherBank).grant(line, limit: Money(fen: 500_000))
        return try await enrollment.enroll(EnrollmentRequest(id: "\(patient)@\(bank)", patient: patient, bank: bank, line: line,
                                                             institution: institution))
    }

    func patient(_ id: String, bank: String = "bank-1") -> Patient {
        Patient(id: id, line: CreditLineID("\(bank)/\(id)"), medicalInsuranceNumber: "YB-\(id)", commercialPolicy: nil)
    }

    func item(_ id: String, _ fen: Int64) throws -> ChargeItem {
        try ChargeItem(id: ChargeItemID(id), code: "X-\(id)", name: "item \(id)", category: .examination, insuranceClass: .c,
                       quantity: Quantity(units: 1), unitPrice: Money(fen: fen), time: clock.now())
    }

    /// Treats `patient` in an outpatient visit of `fen` and settles it: the line owes the
    /// self-pay part. Returns what the line owes.
    func treatAndSettle(_ patient: String, visit: EncounterID, fen: Int64) async throws -> Money {
        let desk = desk
        try await desk.open(visit, kind: .outpatient, patient: self.patient(patient), department: "内科")
        try await desk.charge([try item("\(visit)-1", fen)], to: visit)
        try await desk.checkout(visit)
        return try ledger.line(CreditLineID("bank-1/\(patient)"))?.outstanding ?? .zero
    }

    /// Lists `patient` for what their line owes.
    func listing(_ entry: ArrearsEntryID, patient: String, subject: ArrearsSubject, owes: Money) -> ArrearsListing {
        ArrearsListing(entry: entry, patient: patient, subject: subject, line: CreditLineID("bank-1/\(patient)"), institution: institution,
                       amount: owes, reason: Self.reason, rule: "overdue_90_days")
    }

    /// Appeals against `entry`, has staff review it, and revokes it.
    func revoke(_ entry: ArrearsEntryID, patient: String) async throws {
        try list.appeal(ArrearsAppeal(id: "appeal-1", submittedBy: patient, statement: "账单有误"), against: entry)
        try list.startReview(of: "appeal-1", on: entry, reviewer: "staff-2")
        let reason = BilingualText(chinese: "账单计算错误，撤销", english: "the bill was wrong: revoked")
        try await list.decide(ArrearsDecision(appeal: "appeal-1", reviewer: "staff-2", outcome: .revoked, reason: reason), on: entry)
    }
}
