import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import CreditMedicalSQLite
import CreditMedicalTesting
import Foundation
import XCTest

/// A deployment moves from SQLite to PostgreSQL in the middle of its day, as
/// `credit-medical copy` does it: the ledger and the desk's paperwork are copied, and a desk on
/// PostgreSQL carries on where the one on SQLite stopped.
final class PostgresMoveTests: XCTestCase {
    private let clock = ManualClock(Timestamp(millisecondsSince1970: 1_795_564_800_000))

    private func items(_ prefix: String) throws -> [ChargeItem] {
        try [("A", 30_000, InsuranceClass.a), ("B", 45_000, .b), ("C", 12_345, .c)].map { id, fen, insuranceClass in
            try ChargeItem(id: ChargeItemID(prefix + id), code: id, name: "项目 \(id)", category: .treatment,
                           insuranceClass: insuranceClass, quantity: Quantity(units: 1), unitPrice: Money(fen: Int64(fen)),
                           time: clock.now())
        }
    }

    func testADeskMovedToPostgreSQLCarriesOnWhereItStopped() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cm-move-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let parties = FakeParties()
        let sqlite = try SQLiteDatabase(path: directory.appendingPathComponent("desk.sqlite").path)
        let before = parties.desk(ledger: Ledger(store: sqlite.ledgerStore, clock: clock), store: sqlite.encounterStore)
        try await before.ledger.execute(.openLine("L1", limit: Money(fen: 1_000_000)), key: "open-L1")
        let patient = Patient(id: "P1", line: "L1", medicalInsuranceNumber: "YB-1", commercialPolicy: "SB-1")
        for id: EncounterID in ["MZ-1", "MZ-2", "MZ-3"] {
            try await before.open(id, kind: .outpatient, patient: patient, department: "内科")
            try await before.charge(try items(id.rawValue), to: id)
        }
        // MZ-1 settled and reversed (open again in its second round); MZ-2 stopped after the money
        // moved (the bank is down); MZ-3 open with its charges locked.
        try await before.checkout("MZ-1")
        try await before.reverseSettlement("MZ-1")
        parties.bank.inject(.unavailable)
        do {
            try await before.checkout("MZ-2")
            XCTFail("the bank is down")
        } catch is AdapterError {}
        XCTAssertEqual(try sqlite.encounterStore.settlement(of: "MZ-2")?.step, .captured)

        let postgres = try PostgresDatabase(url: try PostgresTestServer.require().makeDatabase())
        let entries = try LedgerCopier.copy(from: sqlite.ledgerStore, to: postgres.ledgerStore)
        let counts = try EncounterCopier.copy(from: sqlite.encounterStore, to: postgres.encounterStore, pageSize: 2)
        XCTAssertEqual(entries, try sqlite.ledgerStore.journal(line: nil, after: 0, limit: .max).count)
        XCTAssertEqual(counts.encounters, 3)
        XCTAssertEqual([counts.items, counts.refunds, counts.settlements], [9, 0, 2], "MZ-1's reversed settlement and MZ-2's")
        XCTAssertEqual(counts.notifications, try sqlite.encounterStore.pendingNotifications(limit: .max).count)
        XCTAssertGreaterThan(counts.notifications, 0, "the notices the sender refused wait in the outbox")
        XCTAssertThrowsError(try EncounterCopier.copy(from: sqlite.encounterStore, to: postgres.encounterStore), "a target with encounters is refused")

        let after = parties.desk(ledger: Ledger(store: postgres.ledgerStore, clock: clock), store: postgres.encounterStore)
        let resumed = try await after.resumeCheckouts()
        XCTAssertEqual(resumed.finished.map(\.encounter), ["MZ-2"])
        XCTAssertTrue(resumed.isComplete, "\(resumed)")
        let third = try await after.checkout("MZ-3")
        XCTAssertEqual(third.step, .completed)
        try await after.deliverNotifications()
        XCTAssertTrue(try postgres.encounterStore.pendingNotifications(limit: 10).isEmpty)
        XCTAssertEqual(parties.medicalInsurance.appliedCount, 4, "MZ-1, MZ-2 and MZ-3 settled once each, and MZ-1 reversed")
        XCTAssertEqual(parties.bank.advanceRequests.map(\.encounter), ["MZ-1", "MZ-2", "MZ-3"], "one advance each")
        let line = try XCTUnwrap(postgres.ledgerStore.line("L1"))
        let credits = try ["MZ-2", "MZ-3"].map { try XCTUnwrap(postgres.encounterStore.settlement(of: $0)?.split?.credit.fen) }
        XCTAssertEqual(line.outstanding.fen, credits.reduce(0, +), "what the line owes is what the two settlements charged to it")
        XCTAssertEqual(line.held, .zero)
        XCTAssertTrue(try LedgerAuditor(store: postgres.ledgerStore).audit().isClean)
    }
}
