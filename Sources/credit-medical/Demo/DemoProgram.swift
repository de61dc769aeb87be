import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting

/// The demo's credit program: a consent to sign, Xiamen-style eligibility and limit tiers, a
/// scorecard on the months of housing-fund payments, and a fake data source that reports the
/// patients the stories make up. Enrollments, scores and consents go to the demo's database.
struct DemoProgram {
    static let consent = ConsentDocument(id: "credit-care-agreement", version: 1,
                                         title: BilingualText(chinese: "信用就医服务协议", english: "Credit care agreement"))
    /// 640 points, plus 40 for a year of housing-fund payments, 80 for three, 120 for five: tiers
    /// C (680), B (720) and A (760) of ``LimitPolicy/xiamenStyle``.
    static let scorecard = Scorecard(id: "demo-housing-fund", version: "1", baseScore: 640, features: [
        Scorecard.Feature(name: "housing_fund_months", kind: .numeric,
                          label: BilingualText(chinese: "住房公积金缴存月数", english: "housing fund months"), bins: [
                              Scorecard.Bin(upTo: 12, points: 0), Scorecard.Bin(upTo: 36, points: 40), Scorecard.Bin(upTo: 60, points: 80),
                              Scorecard.Bin(points: 120),
                          ], missing: Scorecard.Bin(points: 0)),
    ])

    let enrollment: CreditEnrollment
    let source = FakeCreditDataSource(featureNames: [
        EligibilityPolicy.Feature.insuranceRegion, EligibilityPolicy.Feature.insuranceStatus, "housing_fund_months",
    ])

    init(database: any CreditDatabase, ledger: Ledger, bank: any CreditProviderAdapter, clock: any TimeSource) throws {
        let scoring = CreditScoring(sources: [source], scorer: try ScorecardScorer(Self.scorecard), records: database.scoreRecordStore,
                                    clock: clock)
        let consents = ConsentBook(documents: [Self.consent], store: database.consentStore, authority: FakeAgentAuthority(), clock: clock)
        enrollment = CreditEnrollment(
            configuration: .init(consentDocument: Self.consent.id, eligibility: .xiamenStyle, limits: .xiamenStyle),
            consents: consents, scoring: scoring, banks: [DemoProgram.bank: bank], ledger: ledger, store: database.enrollmentStore)
    }

    /// The id of the demo's one bank.
    static let bank = "demo-bank"

    /// Makes `patient` up (insured locally, paying the housing fund for `fundMonths` months),
    /// signs the consent on the mini-program and enrolls them on `line`.
    func enroll(_ patient: String, line: CreditLineID, fundMonths: Int, id: String) async throws -> EnrollmentStatus {
        source.set([EligibilityPolicy.Feature.insuranceRegion: .category("local"),
                    EligibilityPolicy.Feature.insuranceStatus: .category("normal"), "housing_fund_months": .number(Double(fundMonths))],
                   for: patient)
        if try !enrollment.consents.standing(of: patient, in: Self.consent.id).isCurrent {
            _ = try enrollment.consents.sign(Self.consent.id, version: Self.consent.version, patient: patient, channel: .miniProgram,
                                             signer: .patient, id: "sign-\(id)")
        }
        return try await enrollment.enroll(EnrollmentRequest(id: id, patient: patient, bank: Self.bank, line: line))
    }
}
