@testable import CreditMedicalHIS
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// In-visit warnings (事中预警): the patient hears once when a visit's charges bring the line's
/// use to 80 % and to 100 % of its limit.
final class UsageWarningTests: XCTestCase {
    private let fixture = DeskFixture()
    private var locker: CreditLocker {
        CreditLocker(ledger: fixture.ledger, excessPolicy: .lockAvailable, calendar: BillingCalendar(), usageWarnings: [800, 1_000])
    }

    private func visit(_ id: EncounterID) -> Encounter {
        Encounter(id: id, kind: .outpatient, patient: fixture.patient("L1"), department: "内科", paymentMode: .credit,
                  openedAt: DeskFixture.start, revision: 1)
    }

    /// The ids of the usage warnings bringing `bill` to credit writes.
    private func warned(_ encounter: inout Encounter, _ bill: Bill) async throws -> [String] {
        warnings(try await locker.bringToCredit(&encounter, bill: bill))
    }

    private func warnings(_ outcome: CreditOutcome) -> [String] {
        outcome.notifications.filter { $0.kind == .usageWarning }.map(\.id.rawValue)
    }

    func testEachThresholdWarnsWhenAChargeCrossesIt() async throws {
        try await fixture.enroll("L1", limit: 10_000)
        var encounter = visit("MZ-1")
        var bill = Bill(encounter: "MZ-1")
        try bill.add(fixture.item("I1", 7_000))
        let warnings1 = try await warned(&encounter, bill)
        XCTAssertEqual(warnings1, [], "70 %")
        try bill.add(fixture.item("I2", 1_500))
        let eighty = try await locker.bringToCredit(&encounter, bill: bill)
        XCTAssertEqual(warnings(eighty), ["MZ-1/usage/800"], "85 %")
        let text = try XCTUnwrap(eighty.notifications.first { $0.kind == .usageWarning }?.text)
        XCTAssertTrue(text.contains("80%") && text.contains("¥85.00") && text.contains("¥100.00"), text)
        try bill.add(fixture.item("I3", 1_000))
        let warnings2 = try await warned(&encounter, bill)
        XCTAssertEqual(warnings2, [], "95 %: no threshold crossed")
        try bill.add(fixture.item("I4", 1_000))
        let full = try await locker.bringToCredit(&encounter, bill: bill)
        XCTAssertEqual(warnings(full), ["MZ-1/usage/1000"], "the line is used up; the rest is excess")
        XCTAssertEqual(full.excessChange.fen, 500)
    }

    func testAThresholdCrossedAgainKeepsItsIdSoThePatientHearsOnce() async throws {
        try await fixture.enroll("L1", limit: 10_000)
        var encounter = visit("MZ-1")
        var bill = Bill(encounter: "MZ-1")
        try bill.add(fixture.item("I1", 9_000))
        let warnings3 = try await warned(&encounter, bill)
        XCTAssertEqual(warnings3, ["MZ-1/usage/800"])
        try bill.add(ChargeRefund(id: "R1", item: "I1", quantity: Quantity(units: 1), time: DeskFixture.start))
        _ = try await locker.bringToCredit(&encounter, bill: bill)
        try bill.add(fixture.item("I2", 9_000))
        let warnings4 = try await warned(&encounter, bill)
        XCTAssertEqual(warnings4, ["MZ-1/usage/800"],
                       "the same id again: the outbox and the sender deliver it once")
    }

    func testAnotherVisitWarnsOnItsOwnAndAThresholdAlreadyPassedIsNotACrossing() async throws {
        try await fixture.enroll("L1", limit: 10_000)
        var first = visit("MZ-1"), second = visit("MZ-2")
        var firstBill = Bill(encounter: "MZ-1"), secondBill = Bill(encounter: "MZ-2")
        try firstBill.add(fixture.item("I1", 8_500))
        let warnings5 = try await warned(&first, firstBill)
        XCTAssertEqual(warnings5, ["MZ-1/usage/800"])
        try secondBill.add(fixture.item("I1", 500))
        let warnings6 = try await warned(&second, secondBill)
        XCTAssertEqual(warnings6, [], "90 %: 80 % was passed before this visit")
        try secondBill.add(fixture.item("I2", 1_000))
        let warnings7 = try await warned(&second, secondBill)
        XCTAssertEqual(warnings7, ["MZ-2/usage/1000"])
    }

    /// A threshold reached exactly is crossed; starting exactly on it is not crossing it again.
    func testReachingAThresholdExactlyCountsOnce() async throws {
        try await fixture.enroll("L1", limit: 10_000)
        var first = visit("MZ-1"), second = visit("MZ-2")
        var firstBill = Bill(encounter: "MZ-1"), secondBill = Bill(encounter: "MZ-2")
        try firstBill.add(fixture.item("I1", 8_000))
        let exactly = try await warned(&first, firstBill)
        XCTAssertEqual(exactly, ["MZ-1/usage/800"])
        try secondBill.add(fixture.item("I1", 100))
        let onward = try await warned(&second, secondBill)
        XCTAssertEqual(onward, [], "the line was at 80 % before this charge")
    }

    /// Through the desk, the outbox and the notification fake: crossed twice in one visit, told once.
    func testThroughTheDeskAPatientIsToldOncePerThresholdAndVisit() async throws {
        try await fixture.enroll("L1", limit: 10_000)
        let desk = fixture.desk()
        try await desk.open("MZ-1", kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        _ = try await desk.charge([fixture.item("I1", 9_000)], to: "MZ-1")
        _ = try await desk.refund(ChargeRefund(id: "R1", item: "I1", quantity: Quantity(units: 1), time: DeskFixture.start), in: "MZ-1")
        _ = try await desk.charge([fixture.item("I2", 9_000)], to: "MZ-1")
        _ = try await desk.deliverNotifications()
        let warnings = fixture.parties.notifications.delivered(to: "patient-L1").filter { $0.kind == .usageWarning }
        XCTAssertEqual(warnings.map(\.id.rawValue), ["MZ-1/usage/800"])
    }
}
