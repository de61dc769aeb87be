import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// Enrollment screens for arrears: a patient listed at another hospital (seen through the shared
/// registry) or here is refused with the rule `arrears_listed`, naming the reason; a registry
/// that cannot be asked stops the request, which resumes later.
final class ArrearsEnrollmentTests: XCTestCase {
    let enrollment = EnrollmentFixture()
    let subjects = FakeArrearsSubjectDirectory()
    let registry = FakePublicCreditRegistry()
    lazy var hospitalA = ArrearsFixture(institution: "hospital-a", registry: registry)
    lazy var hospitalB = ArrearsFixture(institution: "hospital-b", registry: registry, clock: enrollment.clock, ledger: enrollment.ledger)

    func program(_ outage: ArrearsScreening.RegistryOutage = .refuse) throws -> CreditEnrollment {
        try enrollment.enrollment(arrears: ArrearsScreening(list: hospitalB.list, subjects: subjects, registryOutage: outage))
    }

    override func setUp() async throws {
        try await hospitalA.openLine("A-LINE", owing: 30_000)
        try await hospitalA.list.list(hospitalA.listing("E-1", patient: "a-77", line: "A-LINE"))
        subjects.register("b-13", as: "S-a-77")
    }

    func testAPatientListedAtAnotherHospitalIsRefusedUntilTheListingIsLifted() async throws {
        let screening = ArrearsScreening(list: hospitalB.list, subjects: subjects)
        let before = try await screening.standing(of: "b-13")
        XCTAssertFalse(before.isListed, "nothing pushed yet: the registry does not know")
        try await hospitalA.list.pushPending()
        let after = try await screening.standing(of: "b-13")
        XCTAssertEqual(after.listings.map(\.institution), ["hospital-a"])

        let request = try enrollment.applicant("b-13")
        let refused = try await program().enroll(request)
        let reason = EligibilityDecision.Failure(rule: "arrears_listed", sentence: BilingualText(
            chinese: "已被hospital-a列入欠费名单：逾期90天未还款", english: "Listed for arrears by hospital-a: 90 days overdue"))
        XCTAssertEqual(refused, .refused(reasons: [reason]))
        XCTAssertNil(try enrollment.ledger.line(request.line), "no line opened")
        XCTAssertEqual(try enrollment.steps.steps(of: request.id).map(\.event.name), ["requested", "checked", "refused"])

        try hospitalA.list.appeal(ArrearsAppeal(id: "A-1", submittedBy: "a-77", statement: "已还清"), against: "E-1")
        try hospitalA.list.startReview(of: "A-1", on: "E-1", reviewer: "staff-1")
        try await hospitalA.list.decide(ArrearsDecision(appeal: "A-1", reviewer: "staff-1", outcome: .revoked,
                                                        reason: .init(chinese: "撤销", english: "revoked")), on: "E-1")
        try await hospitalA.list.pushPending()
        var again = request
        again.id = "enroll-b-13-again"
        guard case .open = try await program().enroll(again) else { return XCTFail("lifted at hospital A: enrolled at hospital B") }
    }

    func testAPatientListedHereIsRefusedWithoutAskingTheRegistryFirst() async throws {
        let request = try enrollment.applicant("b-5")
        try await enrollment.ledger.execute(.openLine("OLD-b-5", limit: Money(fen: 1_000)), key: "old")
        try await hospitalB.list.list(hospitalB.listing("E-9", patient: "b-5", line: "OLD-b-5"))
        registry.inject(.unavailable)
        guard case .refused(let reasons) = try await program().enroll(request) else { return XCTFail() }
        XCTAssertEqual(reasons.map(\.rule), ["arrears_listed"], "this hospital's own entry refuses even with the registry down")
    }

    func testARegistryThatCannotBeAskedStopsTheRequestWhichResumesLater() async throws {
        let request = try enrollment.applicant("b-13")
        try await hospitalA.list.pushPending()
        registry.inject(.unavailable)
        await assertThrows(AdapterError.Code.unavailable) { try await self.program().enroll(request) }
        XCTAssertEqual(try enrollment.steps.steps(of: request.id).map(\.event.name), ["requested"])
        guard case .refused = try await program().enroll(request) else { return XCTFail("resumed and refused") }

        let other = try enrollment.applicant("b-99")
        registry.inject(.unavailable)
        guard case .open = try await program(.useLocalEntries).enroll(other) else { return XCTFail("decided on local entries") }
    }
}
