import CreditMedicalCore
public import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

/// A desk's day written on a database before it is taken back to an earlier schema, and the
/// checks that the database, upgraded again, kept all of it and goes on where it stopped: a
/// settled visit, an open one with a refund, a notice in the outbox.
public struct SchemaUpgradeFixture: Sendable {
    private let ledger: [String]
    private let encounters: [Encounter]
    private let settlements: [SettlementRecord]
    private let outbox: [PatientNotification]

    /// Writes the day on `database` and remembers what it holds.
    public static func write(on database: any CreditDatabase) async throws -> SchemaUpgradeFixture {
        let clock = ManualClock(Timestamp(millisecondsSince1970: 1_795_996_800_000))
        let parties = FakeParties()
        parties.notifications.inject(.unavailable, .unavailable, .unavailable)
        let desk = parties.desk(ledger: Ledger(store: database.ledgerStore, clock: clock), store: database.encounterStore)
        try await desk.ledger.execute(.openLine("L1", limit: Money(fen: 100_000)), key: "open")
        let patient = Patient(id: "P1", line: "L1", medicalInsuranceNumber: "YB-1")
        func item(_ id: ChargeItemID, _ fen: Int64) throws -> ChargeItem {
            try ChargeItem(id: id, code: "C", name: "检查", category: .examination, insuranceClass: .b, quantity: Quantity(units: 1),
                           unitPrice: Money(fen: fen), time: clock.now())
        }
        try await desk.open("MZ-1", kind: .outpatient, patient: patient, department: "内科")
        try await desk.charge([item("A", 12_000)], to: "MZ-1")
        try await desk.checkout("MZ-1")
        try await desk.open("MZ-2", kind: .outpatient, patient: patient, department: "内科")
        try await desk.charge([item("B", 3_000), item("C", 500)], to: "MZ-2")
        try await desk.refund(ChargeRefund(id: "R", item: "C", quantity: Quantity(units: 1), time: clock.now()), in: "MZ-2")
        let store = database.encounterStore
        let encounters = try store.encounters(after: nil, limit: 100)
        return SchemaUpgradeFixture(ledger: try ledgerRows(of: database.ledgerStore), encounters: encounters,
                                    settlements: try encounters.flatMap { try store.settlements(of: $0.id) },
                                    outbox: try store.pendingNotifications(limit: 100))
    }

    /// Checks `database`, upgraded from numbered schema `version` (1: the ledger alone; 2: the desk
    /// without encounter revisions; 3 and 4: with them): the ledger as written, the desk's
    /// paperwork as written (none before version 2), and the open visit checks out.
    public func check(_ database: any CreditDatabase, upgradedFrom version: Int,
                      file: StaticString = #filePath, line: UInt = #line) async throws {
        let label = "from version \(version)"
        let store = database.encounterStore
        XCTAssertEqual(try Self.ledgerRows(of: database.ledgerStore), ledger, label, file: file, line: line)
        XCTAssertTrue(try LedgerAuditor(store: database.ledgerStore).audit().isClean, label, file: file, line: line)
        guard version >= 2 else {
            XCTAssertTrue(try store.encounters(after: nil, limit: 10).isEmpty, label, file: file, line: line)
            return
        }
        let expected = encounters.map { version >= 3 ? $0 : Self.atRevisionZero($0) }
        XCTAssertEqual(try store.encounters(after: nil, limit: 100), expected, label, file: file, line: line)
        XCTAssertEqual(try encounters.flatMap { try store.settlements(of: $0.id) }, settlements, label, file: file, line: line)
        XCTAssertEqual(try store.pendingNotifications(limit: 100), outbox, label, file: file, line: line)
        XCTAssertEqual(try store.bill(of: "MZ-1").total.fen, 12_000, label, file: file, line: line)
        let desk = FakeParties().desk(ledger: Ledger(store: database.ledgerStore), store: store)
        let record = try await desk.checkout("MZ-2")
        XCTAssertEqual([record.step.rawValue, "\(record.total.fen)"], ["completed", "3000"], label, file: file, line: line)
    }

    private static func ledgerRows(of store: any LedgerReader) throws -> [String] {
        try store.lines(after: nil, limit: 100).map { "\($0)" } + store.holds(after: nil, limit: 100).map { "\($0)" }
            + store.journal(line: nil, after: 0, limit: 100).map { "\($0)" }
    }

    private static func atRevisionZero(_ encounter: Encounter) -> Encounter {
        Encounter(id: encounter.id, kind: encounter.kind, patient: encounter.patient, department: encounter.department,
                  paymentMode: encounter.paymentMode, openedAt: encounter.openedAt, status: encounter.status, closedAt: encounter.closedAt,
                  locked: encounter.locked, uncovered: encounter.uncovered, billedThrough: encounter.billedThrough,
                  creditSteps: encounter.creditSteps, round: encounter.round, revision: 0, claim: encounter.claim)
    }
}
