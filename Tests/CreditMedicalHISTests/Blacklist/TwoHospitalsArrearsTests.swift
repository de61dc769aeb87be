import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// Two hospitals, each its own SDK instance (ledger, stores, banks, desk, arrears list), share one
/// public credit registry: a patient listed by one is refused new credit by the other, at
/// enrollment and when an encounter opens, until the listing is lifted; emergencies always pass.
final class TwoHospitalsArrearsTests: XCTestCase {
    let registry = FakePublicCreditRegistry()
    lazy var hospitalA = ArrearsHospital("hospital-a", registry: registry)
    lazy var hospitalB = ArrearsHospital("hospital-b", registry: registry)
    /// The same person: `a-7` at hospital A, `b-3` at hospital B.
    let person: ArrearsSubject = "sha256:5f1c0e"
    var owes = Money.zero

    override func setUp() async throws {
        guard case .open = try await hospitalA.enroll("a-7", subject: person) else { return XCTFail("enrolled at A") }
        guard case .open = try await hospitalB.enroll("b-3", subject: person) else { return XCTFail("enrolled at B") }
        owes = try await hospitalA.treatAndSettle("a-7", visit: "A-MZ-1", fen: 40_000)
        XCTAssertTrue(owes.isPositive)
        try await hospitalA.list.list(hospitalA.listing("E-1", patient: "a-7", subject: person, owes: owes))
    }

    func testAListingAtOneHospitalIsRefusedAtTheOthersEnrollmentAndDeskUntilRevoked() async throws {
        let (deskA, deskB) = (hospitalA.desk, hospitalB.desk)
        let local = await assertThrows(BillingError.Code.patientListed) {
            try await deskA.open("A-MZ-2", kind: .outpatient, patient: self.hospitalA.patient("a-7"), department: "内科")
        }
        XCTAssertEqual((local as? BillingError)?.context, [
            "institution": "hospital-a", "rule": "overdue_90_days", "reason": "住院费用逾期90天未还 / inpatient bill 90 days overdue",
        ])
        try await deskB.open("B-MZ-0", kind: .outpatient, patient: hospitalB.patient("b-3"), department: "内科")
        try await deskB.cancel("B-MZ-0")

        try await hospitalA.list.pushPending()
        let remote = await assertThrows(BillingError.Code.patientListed) {
            try await deskB.open("B-MZ-1", kind: .outpatient, patient: self.hospitalB.patient("b-3"), department: "内科")
        }
        XCTAssertEqual((remote as? BillingError)?.context["institution"], "hospital-a")
        XCTAssertTrue((remote as? BillingError)?.description.contains("inpatient bill 90 days overdue") == true, "\(String(describing: remote))")
        XCTAssertNil(try hospitalB.database.encounterStore.encounter("B-MZ-1"), "nothing opened")
        for kind in [EncounterKind.inpatient, .internetHospital] {
            await assertThrows(BillingError.Code.patientListed) {
                try await deskB.open(EncounterID("B-\(kind.rawValue)"), kind: kind, patient: self.hospitalB.patient("b-3"), department: "内科")
            }
        }
        try await deskB.open("B-PAY", kind: .outpatient, patient: hospitalB.patient("b-3"), department: "内科", paymentMode: .ordinary)
        guard case .refused(let reasons) = try await hospitalB.enroll("b-3", subject: person, bank: "bank-2") else {
            return XCTFail("refused at B's other bank")
        }
        XCTAssertEqual(reasons.map(\.rule), ["arrears_listed"])
        XCTAssertEqual(reasons.first?.sentence.english, "Listed for arrears by hospital-a: inpatient bill 90 days overdue")

        try await hospitalA.revoke("E-1", patient: "a-7")
        XCTAssertEqual(try hospitalA.ledger.line("bank-1/a-7")?.status, [], "unfrozen at A")
        XCTAssertEqual(hospitalA.parties.notifications.delivered(to: "a-7").filter { $0.kind == .arrears }.map(\.id),
                       ["arrears/E-1/listed", "arrears/E-1/appeal/appeal-1"], "told of the listing and the revocation")
        try await deskA.open("A-MZ-3", kind: .outpatient, patient: hospitalA.patient("a-7"), department: "内科")
        await assertThrows(BillingError.Code.patientListed) {
            try await deskB.open("B-MZ-2", kind: .outpatient, patient: self.hospitalB.patient("b-3"), department: "内科")
        }
        let lifted = try await hospitalA.list.pushPending()
        XCTAssertEqual(lifted.delivered, ["hospital-a/E-1/lift"])
        try await deskB.open("B-MZ-3", kind: .outpatient, patient: hospitalB.patient("b-3"), department: "内科")
        let again = EnrollmentRequest(id: "b-3@bank-2#2", patient: "b-3", bank: "bank-2", line: "bank-2/b-3", institution: "hospital-b")
        guard case .open = try await hospitalB.enrollment.enroll(again) else { return XCTFail("lifted everywhere: enrolled at B's other bank") }
    }

    func testEmergencyCareIsNeverRefusedForAListing() async throws {
        try await hospitalA.list.pushPending()
        for (hospital, patient) in [(hospitalA, "a-7"), (hospitalB, "b-3")] {
            let desk = hospital.desk
            let visit = EncounterID("\(hospital.institution.rawValue)-JZ-1")
            try await desk.open(visit, kind: .emergency, patient: hospital.patient(patient), department: "急诊科")
            let outcome = try await desk.charge([try hospital.item("\(visit)-1", 20_000)], to: visit)
            XCTAssertEqual(outcome.lockedChange, Money(fen: 20_000), "\(hospital.institution): emergency care locks credit")
            let record = try await desk.checkout(visit)
            XCTAssertEqual(record.step, .completed)
        }
        XCTAssertEqual(try hospitalA.ledger.line("bank-1/a-7")?.status, .frozen, "A's line stays frozen; emergencies lock anyway")
    }

    func testARegistryThatCannotBeAskedHoldsBackNewCreditButNotEmergencies() async throws {
        let desk = hospitalB.desk
        registry.inject(.unavailable)
        await assertThrows(AdapterError.Code.unavailable) {
            try await desk.open("B-MZ-1", kind: .outpatient, patient: self.hospitalB.patient("b-3"), department: "内科")
        }
        XCTAssertNil(try hospitalB.database.encounterStore.encounter("B-MZ-1"), "nothing opened; try again later or pay as usual")
        let lookups = registry.lookups
        try await desk.open("B-JZ-1", kind: .emergency, patient: hospitalB.patient("b-3"), department: "急诊科")
        XCTAssertEqual(registry.lookups, lookups, "an emergency does not ask the registry")
        registry.inject(.unavailable)
        let lenient = hospitalB.parties.desk(ledger: hospitalB.ledger, store: hospitalB.database.encounterStore, configuration: .init(
            institution: "hospital-b", arrears: ArrearsScreening(list: hospitalB.list, subjects: hospitalB.subjects, registryOutage: .useLocalEntries)))
        try await lenient.open("B-MZ-2", kind: .outpatient, patient: hospitalB.patient("b-3"), department: "内科")
    }

    func testPushFailuresAreRetriedAndTheOtherHospitalSeesOneListing() async throws {
        registry.inject(.unavailable)
        var report = try await hospitalA.list.pushPending()
        XCTAssertEqual(report.failed.count, 1)
        let unseen = try await hospitalB.screening.standing(of: "b-3")
        XCTAssertFalse(unseen.isListed)
        registry.inject(.timeoutAfterApplying)
        report = try await hospitalA.list.pushPending()
        XCTAssertEqual(report.failed, ["hospital-a/E-1/list": "adapter.timeout"])
        registry.inject(.deliveredTwice)
        report = try await hospitalA.list.pushPending()
        XCTAssertEqual(report.delivered, ["hospital-a/E-1/list"])
        XCTAssertEqual(registry.appliedCount, 1)
        let seen = try await hospitalB.screening.standing(of: "b-3")
        XCTAssertEqual(seen.listings, [try XCTUnwrap(hospitalA.list.entry("E-1")).registryListing], "one listing, as A recorded it")
    }

    func testRemovalAfterRepaymentAndCoolingLiftsItEverywhereAndPutsTheLineOnProbation() async throws {
        try await hospitalA.list.pushPending()
        hospitalA.clock.advance(seconds: 10 * 86_400)
        hospitalA.parties.bank.receiveRepayment(RepaymentNotice(id: "R-1", line: "bank-1/a-7", amount: owes, receivedAt: hospitalA.clock.now()))
        try await hospitalA.ledger.collectRepayments(from: hospitalA.parties.bank)
        await assertThrows(ArrearsError.Code.coolingPeriod) { try await self.hospitalA.list.remove("E-1") }
        hospitalA.clock.advance(seconds: 30 * 86_400)
        let removed = try await hospitalA.list.remove("E-1")
        XCTAssertEqual(removed.state, .removed)
        let lifted = try await hospitalA.list.pushPending()
        XCTAssertEqual(lifted.delivered, ["hospital-a/E-1/lift"])
        try await hospitalB.desk.open("B-MZ-9", kind: .outpatient, patient: hospitalB.patient("b-3"), department: "内科")
        try await hospitalA.desk.open("A-MZ-9", kind: .outpatient, patient: hospitalA.patient("a-7"), department: "内科")

        let record = try hospitalA.list.repaymentRecord(RepaymentRecord(onTimeInTwelveMonths: 0), of: "bank-1/a-7")
        let subject = try XCTUnwrap(LimitReview.Subject(steps: hospitalA.database.enrollmentStore.steps(of: "a-7@bank-1"), repayment: record))
        let review = LimitReview(policy: .suzhouStyle, limits: ArrearsHospital.limits, ledger: hospitalA.ledger,
                                 store: hospitalA.database.enrollmentStore, notices: hospitalA.parties.notifications)
        let changes = await review.run([subject]).changes
        XCTAssertEqual(changes["a-7@bank-1"]?.action, .probation)
        XCTAssertEqual(try hospitalA.ledger.line("bank-1/a-7")?.limit, Money(fen: 150_000), "30 % of the bank's ¥5,000")
    }
}
