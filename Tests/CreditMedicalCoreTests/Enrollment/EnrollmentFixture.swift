import CreditMedicalCore
import CreditMedicalTesting
import Synchronization

/// One enrollment program in memory: a Xiamen-style eligibility and limit policy, a scorecard on
/// housing-fund months, one data source, two banks, and stores that can be told to fail.
final class EnrollmentFixture: Sendable {
    static let document = ConsentDocument(id: "agreement", version: 1, title: BilingualText(chinese: "信用就医服务协议", english: "Credit care agreement"))
    /// Housing-fund months → points over a base of 640: under 12 → 640 (no tier), under 36 →
    /// 680 (C), under 60 → 720 (B), more → 760 (A).
    static let card = Scorecard(id: "fund", version: "1", baseScore: 640, features: [
        Scorecard.Feature(name: "housing_fund_months", kind: .numeric, bins: [
            Scorecard.Bin(upTo: 12, points: 0), Scorecard.Bin(upTo: 36, points: 40), Scorecard.Bin(upTo: 60, points: 80),
            Scorecard.Bin(points: 120),
        ], missing: Scorecard.Bin(points: 0)),
    ])

    let clock = ManualClock(Timestamp(millisecondsSince1970: 1_795_996_800_000))
    let database = InMemoryDatabase()
    let steps = FailingEnrollmentStore()
    let source = FakeCreditDataSource(featureNames: [EligibilityPolicy.Feature.insuranceRegion, EligibilityPolicy.Feature.insuranceStatus,
                                                     "housing_fund_months"])
    let authority = FakeAgentAuthority()
    let bankA = FakeCreditProvider()
    let bankB = FakeCreditProvider()
    let ledger: Ledger

    init() {
        ledger = Ledger(store: database.ledgerStore, clock: clock)
    }

    var consents: ConsentBook {
        ConsentBook(documents: [Self.document], store: database.consentStore, authority: authority, clock: clock)
    }

    var enrollment: CreditEnrollment {
        get throws { try enrollment(arrears: nil) }
    }

    /// The program, screening for arrears with `arrears` when it is given.
    func enrollment(arrears: ArrearsScreening?) throws -> CreditEnrollment {
        let scoring = CreditScoring(sources: [source], scorer: try ScorecardScorer(Self.card), records: database.scoreRecordStore, clock: clock)
        return CreditEnrollment(
            configuration: .init(consentDocument: Self.document.id, eligibility: .xiamenStyle, limits: .xiamenStyle, arrears: arrears),
            consents: consents, scoring: scoring, banks: ["bank-a": bankA, "bank-b": bankB], ledger: ledger, store: steps)
    }

    /// A patient who signed the consent, is insured locally and paid the housing fund for
    /// `months`; bank A grants line `line` with `bankLimit`.
    @discardableResult
    func applicant(_ patient: String, months: Double = 48, line: String? = nil, bankLimit: Int64 = 5_000_000) throws -> EnrollmentRequest {
        _ = try consents.sign(Self.document.id, version: 1, patient: patient, channel: .miniProgram, signer: .patient, id: "sign-\(patient)")
        source.set([EligibilityPolicy.Feature.insuranceRegion: .category("local"), EligibilityPolicy.Feature.insuranceStatus: .category("normal"),
                    "housing_fund_months": .number(months)], for: patient)
        let lineID = CreditLineID(line ?? "A-\(patient)")
        bankA.grant(lineID, limit: Money(fen: bankLimit))
        return EnrollmentRequest(id: "enroll-\(patient)", patient: patient, bank: "bank-a", line: lineID)
    }

    /// `patient` as ``applicant(_:months:line:bankLimit:)`` makes them, enrolled at bank A and
    /// at bank B (line `B-PATIENT`, granting `bankBLimit`); returns both requests.
    func enrolledAtTwoBanks(_ patient: String, months: Double = 48, bankBLimit: Int64) async throws -> (EnrollmentRequest, EnrollmentRequest) {
        let atA = try applicant(patient, months: months)
        var atB = atA
        (atB.id, atB.bank, atB.line) = ("enroll-\(patient)-b", "bank-b", CreditLineID("B-\(patient)"))
        bankB.grant(atB.line, limit: Money(fen: bankBLimit))
        let enrollment = try enrollment
        _ = try await enrollment.enroll(atA)
        _ = try await enrollment.enroll(atB)
        return (atA, atB)
    }
}

/// An in-memory enrollment store that fails the appends it is told to, and counts them.
final class FailingEnrollmentStore: EnrollmentStore {
    private let inner = InMemoryEnrollmentStore()
    private let state = Mutex<(appends: Int, failing: Set<Int>)>((0, []))

    /// Makes append number `number` (counted from 1) fail, storing nothing.
    func failAppend(_ number: Int) { state.withLock { _ = $0.failing.insert(number) } }

    var appends: Int { state.withLock { $0.appends } }

    func append(_ steps: [EnrollmentStep]) throws -> Set<String> {
        let fails = state.withLock { state in
            state.appends += 1
            return state.failing.contains(state.appends)
        }
        if fails { throw AdapterError(.unavailable, details: "injected store failure") }
        return try inner.append(steps)
    }

    func steps(of enrollment: String) throws -> [EnrollmentStep] { try inner.steps(of: enrollment) }

    func enrollments(of patient: String) throws -> [String] { try inner.enrollments(of: patient) }

    func enrollment(onLine line: CreditLineID) throws -> String? { try inner.enrollment(onLine: line) }

    func page(after: Int64, limit: Int) throws -> HistoryPage<EnrollmentStep> { try inner.page(after: after, limit: limit) }
}
