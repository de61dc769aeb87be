import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import CreditMedicalTestSupport
import XCTest

/// Emergency and internet-hospital visits are encounter kinds of their own: an emergency is
/// never refused credit because a review or collection suspended the line, or a listing froze it.
final class EncounterKindTests: XCTestCase {
    func testAnEmergencyLocksCreditOnASuspendedOrFrozenLineAndOtherVisitsDoNot() async throws {
        let fixture = DeskFixture()
        let desk = fixture.desk()
        try await fixture.enroll("L1", limit: 50_000)
        try await fixture.ledger.execute(.suspendLine("L1"), key: "review suspends")
        await assertThrows(LedgerError.Code.lineSuspended) {
            try await desk.open("MZ-1", kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        }
        await assertThrows(LedgerError.Code.lineSuspended) {
            try await desk.open("HL-1", kind: .internetHospital, patient: fixture.patient("L1"), department: "互联网医院")
        }
        try await desk.open("JZ-1", kind: .emergency, patient: fixture.patient("L1"), department: "急诊科")
        let first = try await desk.charge([fixture.item("a", 30_000)], to: "JZ-1")
        XCTAssertEqual(first.lockedChange, Money(fen: 30_000))

        try await fixture.ledger.execute(.freezeLine("L1"), key: "listed")
        let second = try await desk.charge([fixture.item("b", 40_000)], to: "JZ-1")
        XCTAssertEqual(second.lockedChange, Money(fen: 20_000), "the limit still caps an emergency")
        XCTAssertEqual(second.excessChange, Money(fen: 20_000))
        let record = try await desk.checkout("JZ-1")
        XCTAssertEqual(record.step, .completed)
        XCTAssertEqual(try fixture.ledger.line("L1")?.status, [.suspended, .frozen], "the line stays suspended and frozen")
    }

    func testAnEmergencyTakesNothingFromAClosedLine() async throws {
        let fixture = DeskFixture()
        try await fixture.enroll("L1", limit: 50_000)
        try await fixture.ledger.execute(.closeLine("L1"), key: "cancelled")
        await assertThrows(LedgerError.Code.lineClosed) {
            try await fixture.desk().open("JZ-1", kind: .emergency, patient: fixture.patient("L1"), department: "急诊科")
        }
        let receipt = try await fixture.ledger.execute(.lockUpTo("H", line: "L1", target: Money(fen: 100), rule: .emergency), key: "k")
        XCTAssertNil(receipt.entry.holdAmountAfter, "nothing placed")
    }

    func testAnInternetHospitalVisitIsChargedAndSettledOnCredit() async throws {
        let fixture = DeskFixture()
        let desk = fixture.desk()
        try await fixture.enroll("L1", limit: 50_000)
        try await desk.open("HL-1", kind: .internetHospital, patient: fixture.patient("L1"), department: "互联网医院")
        let outcome = try await desk.charge([fixture.item("consult", 5_000, .a)], to: "HL-1")
        XCTAssertEqual(outcome.lockedChange, Money(fen: 5_000))
        let record = try await desk.checkout("HL-1")
        XCTAssertEqual(record.step, .completed)
        XCTAssertEqual(try desk.store.encounter("HL-1")?.kind, .internetHospital)
    }
}
