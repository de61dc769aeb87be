import CreditMedicalCore
import CreditMedicalHIS
@testable import CreditMedicalSQLite
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// A database made by every earlier schema version opens with this SDK, is migrated to the
/// current version, and keeps everything it held.
final class SQLiteSchemaUpgradeTests: XCTestCase {
    /// What each migration added, undone: the way back from version `n + 1` to `n` is `undo[n]`.
    private static let undo: [Int: [String]] = [
        3: ["ALTER TABLE encounters DROP COLUMN claimed_by", "ALTER TABLE encounters DROP COLUMN claimed_until",
            "ALTER TABLE settlements DROP COLUMN attention_code", "ALTER TABLE settlements DROP COLUMN attention_reason",
            "ALTER TABLE settlements DROP COLUMN attention_since", "ALTER TABLE notification_outbox DROP COLUMN attempts"],
        2: ["ALTER TABLE encounters DROP COLUMN revision"],
        1: ["DROP TABLE encounters", "DROP TABLE charge_items", "DROP TABLE charge_refunds", "DROP TABLE settlements",
            "DROP TABLE notification_outbox"],
    ]

    func testTheWayBackToEachVersionMakesThatVersionsSchema() throws {
        let directory = try TemporaryDirectory()
        XCTAssertEqual(Set(Self.undo.keys), Set(1..<SQLiteDatabase.schemaVersion), "a way back to every earlier version")
        for version in 1..<SQLiteDatabase.schemaVersion {
            let downgraded = try SQLiteConnection(path: directory.file("down-\(version).sqlite"))
            try SQLiteSchema.migrate(downgraded)
            try Self.downgrade(downgraded, to: version)
            let made = try SQLiteConnection(path: directory.file("made-\(version).sqlite"))
            for migration in SQLiteSchema.migrations.prefix(version) { try made.execute(migration) }
            XCTAssertEqual(try Self.schema(of: downgraded), try Self.schema(of: made), "version \(version)")
        }
    }

    func testADatabaseOfEveryEarlierVersionUpgradesWithNothingLost() async throws {
        let directory = try TemporaryDirectory()
        for version in 1..<SQLiteDatabase.schemaVersion {
            let path = directory.file("v\(version).sqlite")
            let written = try SQLiteDatabase(path: path)
            try await Self.work(on: written)
            let ledger = try Self.ledger(of: written.ledgerStore)
            let encounters = try written.encounterStore.encounters(after: nil, limit: 100)
            let settlements = try encounters.flatMap { try written.encounterStore.settlements(of: $0.id) }
            let outbox = try written.encounterStore.pendingNotifications(limit: 100)
            let downgraded = try SQLiteConnection(path: path)
            try Self.downgrade(downgraded, to: version)

            let database = try SQLiteDatabase(path: path)
            let upgraded = database.encounterStore
            let label = "from version \(version)"
            XCTAssertEqual(try downgraded.scalar("PRAGMA user_version"), Int64(SQLiteDatabase.schemaVersion), label)
            XCTAssertEqual(try Self.ledger(of: database.ledgerStore), ledger, label)
            XCTAssertTrue(try LedgerAuditor(store: database.ledgerStore).audit().isClean, label)
            guard version >= 2 else {
                XCTAssertTrue(try upgraded.encounters(after: nil, limit: 10).isEmpty, label)
                continue
            }
            let expected = encounters.map { version >= 3 ? $0 : Self.atRevisionZero($0) }
            XCTAssertEqual(try upgraded.encounters(after: nil, limit: 100), expected, label)
            XCTAssertEqual(try encounters.flatMap { try upgraded.settlements(of: $0.id) }, settlements, label)
            XCTAssertEqual(try upgraded.pendingNotifications(limit: 100), outbox, label)
            XCTAssertEqual(try upgraded.bill(of: "MZ-1").total.fen, 12_000, label)
            // The open visit goes on where it stopped.
            let desk = FakeParties().desk(ledger: Ledger(store: database.ledgerStore), store: upgraded)
            let record = try await desk.checkout("MZ-2")
            XCTAssertEqual([record.step.rawValue, "\(record.total.fen)"], ["completed", "3000"], label)
        }
    }

    /// A desk's day on `database`: a settled visit, an open one with a refund, a notice in the outbox.
    private static func work(on database: SQLiteDatabase) async throws {
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
    }

    private static func downgrade(_ connection: SQLiteConnection, to version: Int) throws {
        for step in (version..<SQLiteDatabase.schemaVersion).reversed() {
            for statement in undo[step] ?? [] { try connection.execute(statement) }
        }
        try connection.execute("PRAGMA user_version = \(version)")
    }

    /// Every table's columns (name, type, not null, default, key) and every index's name.
    private static func schema(of connection: SQLiteConnection) throws -> [String] {
        let tables: [String] = try connection.rows(of: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", []) { $0.text(0) }
        var schema: [String] = try connection.rows(of: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name", []) {
            "index \($0.text(0) as String)"
        }
        for table in tables {
            schema += try connection.rows(of: "SELECT name, type, \"notnull\", coalesce(dflt_value, ''), pk FROM pragma_table_info(?1)",
                                          [.text(table)]) { row -> String in
                let (name, type, defaultValue): (String, String, String) = (row.text(0), row.text(1), row.text(3))
                return "\(table).\(name) \(type) \(row.int64(2)) \(defaultValue) \(row.int64(4))"
            }
        }
        return schema
    }

    private static func ledger(of store: SQLiteLedgerStore) throws -> [String] {
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
