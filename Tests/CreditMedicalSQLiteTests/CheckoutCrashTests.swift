import CreditMedicalCore
@testable import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTesting
import XCTest

/// A checkout that dies between any two of its steps, with the SQLite file closed and opened
/// again by a new process, ends in exactly one settlement: nothing paid, captured, advanced or
/// notified twice, nothing lost.
final class CheckoutCrashTests: XCTestCase {
    private struct SimulatedCrash: Error {}

    private let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    private func desk(_ path: String, _ parties: FakeParties, _ clock: ManualClock,
                      crashAt point: CheckoutCheckpoint? = nil) throws -> CreditDesk {
        let store = try SQLiteLedgerStore(path: path)
        return CreditDesk(
            ledger: Ledger(store: store, clock: clock), store: store, medicalInsurance: parties.medicalInsurance,
            commercialInsurance: parties.commercialInsurance, bank: parties.bank, notifications: parties.notifications,
            configuration: .init(), checkpoint: { if $0 == point { throw SimulatedCrash() } })
    }

    private func items(at time: Timestamp) throws -> [ChargeItem] {
        try [("REG", 2_500, InsuranceClass.a), ("CT", 38_000, .b), ("RX", 12_345, .c)].map { id, fen, insuranceClass in
            try ChargeItem(id: ChargeItemID(id), code: id, name: id, category: .examination, insuranceClass: insuranceClass,
                           quantity: Quantity(units: 1), unitPrice: Money(fen: Int64(fen)), time: time)
        }
    }

    func testACrashBetweenAnyTwoStepsResumesToExactlyOneSettlement() async throws {
        for point in CheckoutCheckpoint.allCases {
            let directory = try TemporaryDirectory()
            let path = directory.file("desk.sqlite")
            let clock = ManualClock(start)
            let parties = FakeParties(medical: .init(deductible: Money(fen: 10_000)))
            parties.medicalInsurance.openAccount("YB-1", balance: Money(fen: 1_000))
            let patient = Patient(id: "P1", line: "L1", medicalInsuranceNumber: "YB-1", commercialPolicy: "SB-1")
            do {
                let first = try desk(path, parties, clock, crashAt: point)
                try await first.ledger.execute(.openLine("L1", limit: Money(fen: 1_000_000)), key: "open-L1")
                try await first.open("MZ-1", kind: .outpatient, patient: patient, department: "内科")
                try await first.charge(try items(at: clock.now()), to: "MZ-1")
                do {
                    try await first.checkout("MZ-1")
                    XCTFail("[\(point)] the checkout should have crashed")
                } catch is SimulatedCrash {}
            }
            clock.advance(seconds: 60)
            let second = try desk(path, parties, clock)
            try await second.resumeCheckouts()
            try await second.deliverNotifications()
            let record = try XCTUnwrap(second.store.settlement(of: "MZ-1"), "[\(point)]")
            XCTAssertEqual(record.step, .completed, "[\(point)]")
            let split = try XCTUnwrap(record.split, "[\(point)]")
            XCTAssertEqual(split.fund.fen + split.personalAccount.fen + split.commercial.fen + split.credit.fen + split.excess.fen,
                           52_845, "[\(point)] parts add up")
            XCTAssertEqual(parties.medicalInsurance.appliedCount, 1, "[\(point)] 医保 settled once")
            XCTAssertEqual(parties.commercialInsurance.appliedCount, 1, "[\(point)] 商保 paid once")
            XCTAssertEqual(parties.bank.advanceRequests.map(\.amount), [split.credit], "[\(point)] one advance")
            XCTAssertEqual(parties.bank.captureNotices.count, 1, "[\(point)] one capture notice")
            XCTAssertEqual(parties.bank.captureNotices.first?.capturedAt, record.capturedAt, "[\(point)] the bank and the record agree")
            XCTAssertEqual(parties.bank.advanceRequests.first?.dueBy, record.advanceDueBy, "[\(point)] the same due time")
            XCTAssertEqual(parties.notifications.delivered.filter { $0.kind == .settled }.count, 1, "[\(point)] one fee notice")
            XCTAssertTrue(try second.store.pendingNotifications(limit: 10).isEmpty, "[\(point)] outbox empty")
            let line = try XCTUnwrap(second.ledger.line("L1"))
            XCTAssertEqual([line.held, line.outstanding], [.zero, split.credit], "[\(point)] captured once, rest released")
            XCTAssertEqual(try second.ledger.hold("MZ-1")?.captured, split.credit, "[\(point)]")
            XCTAssertEqual(try second.encounter("MZ-1")?.status, .settled, "[\(point)]")
            let report = try LedgerAuditor(store: second.ledger.store).audit()
            XCTAssertTrue(report.violations.isEmpty, "[\(point)] \(report.violations)")
        }
    }

    func testAReversalCrashingHalfWayCompletesOnceAfterReopening() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("desk.sqlite")
        let clock = ManualClock(start)
        let parties = FakeParties()
        let patient = Patient(id: "P1", line: "L1", medicalInsuranceNumber: "YB-1", commercialPolicy: "SB-1")
        do {
            let first = try desk(path, parties, clock)
            try await first.ledger.execute(.openLine("L1", limit: Money(fen: 1_000_000)), key: "open-L1")
            try await first.open("MZ-1", kind: .outpatient, patient: patient, department: "内科")
            try await first.charge(try items(at: clock.now()), to: "MZ-1")
            try await first.checkout("MZ-1")
            // The insurer is down: the reversal stops after it was recorded as begun.
            parties.medicalInsurance.inject(.unavailable)
            do {
                try await first.reverseSettlement("MZ-1")
                XCTFail("the insurer is down")
            } catch is AdapterError {}
        }
        let second = try desk(path, parties, clock)
        XCTAssertEqual(try second.store.settlement(of: "MZ-1")?.step, .reversing)
        let finished = try await second.resumeCheckouts()
        XCTAssertEqual(finished.map(\.step), [.reversed])
        XCTAssertEqual(try second.ledger.line("L1")?.outstanding, .zero)
        XCTAssertEqual(parties.commercialInsurance.totalPaid, .zero)
        XCTAssertEqual(parties.medicalInsurance.accountBalance("YB-1"), .zero)
        let again = try await second.checkout("MZ-1")
        XCTAssertEqual(again.round, 2)
        XCTAssertEqual(again.step, .completed)
        XCTAssertEqual(try second.ledger.line("L1")?.outstanding, again.split?.credit)
        let report = try LedgerAuditor(store: second.ledger.store).audit()
        XCTAssertTrue(report.violations.isEmpty, "\(report.violations)")
    }
}
