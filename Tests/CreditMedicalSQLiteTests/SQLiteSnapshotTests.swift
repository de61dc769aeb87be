import CreditMedicalCore
import CreditMedicalHIS
@testable import CreditMedicalSQLite
import CreditMedicalTestSupport
import Foundation
import XCTest

/// A snapshot reads a ledger file as it was at one moment and never writes it.
final class SQLiteSnapshotTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws { directory = try TemporaryDirectory() }
    override func tearDown() { directory = nil }

    func testAMissingFileIsAnErrorNamingThePathAndNothingIsCreated() {
        let path = directory.file("missing.sqlite")
        XCTAssertThrowsError(try SQLiteSnapshot(path: path)) { error in
            XCTAssertEqual((error as? SQLiteStoreError)?.code, .fileNotFound)
            XCTAssertTrue("\(error)".contains(path), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testASnapshotAnswersFromOneMomentWhileAnotherStoreWrites() async throws {
        let path = directory.file("busy.sqlite")
        let database = try SQLiteDatabase(path: path)
        let (ledger, store) = (Ledger(store: database.ledgerStore), database.encounterStore)
        try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000_000)), key: "open")
        try store.commit([.notification(PatientNotification(id: "N1", patient: "P", kind: .settled, text: "t"))])
        let snapshot = try SQLiteSnapshot(path: path)
        for round in 1...5 {
            try await ledger.execute(.placeHold(HoldID("H\(round)"), line: "L1", amount: Money(fen: 100), expiresAt: nil),
                                     key: IdempotencyKey("h\(round)"))
            try store.commit([.notification(PatientNotification(id: AdapterRequestID("N\(round + 1)"), patient: "P", kind: .settled, text: "t"))])
            XCTAssertEqual(try snapshot.journal(line: nil, after: 0, limit: 100).count, 1, "round \(round)")
            XCTAssertEqual(try snapshot.line("L1")?.held, .zero)
            XCTAssertEqual(try snapshot.pendingNotifications(limit: 10).count, 1)
            XCTAssertTrue(try LedgerAuditor(store: snapshot).audit().isClean)
        }
        snapshot.close()
        XCTAssertThrowsError(try snapshot.line("L1"), "a closed snapshot answers no more")
        XCTAssertEqual(try SQLiteSnapshot(path: path).line("L1")?.held.fen, 500, "a new snapshot sees the writes")
    }

    func testAnOlderNewerOrForeignDatabaseIsRefusedAndNotChanged() throws {
        let changes: [(String, SQLiteStoreError.Code)] = [
            ("DELETE FROM creditmedical_migrations WHERE name = 'encounters/claims'", .needsMigration),
            ("PRAGMA user_version = 4", .needsMigration),  // as the SDK before named migrations left it
            ("INSERT INTO creditmedical_migrations (name) VALUES ('ledger/from-a-newer-sdk')", .schemaTooNew),
            ("PRAGMA user_version = 6", .schemaTooNew),
        ]
        for (number, (change, code)) in changes.enumerated() {
            let path = directory.file("ledger-\(number).sqlite")
            _ = try SQLiteDatabase(path: path)
            try sqlite(path, change)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try SQLiteSnapshot(path: path)) { error in
                XCTAssertEqual((error as? SQLiteStoreError)?.code, code, "\(error)")
            }
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "the file is not written")
        }
        // A process killed while it created the file leaves it without tables: not another
        // application's, just not set up yet.
        let empty = directory.file("empty.sqlite")
        try sqlite(empty, "PRAGMA journal_mode = WAL")
        XCTAssertThrowsError(try SQLiteSnapshot(path: empty)) { error in
            XCTAssertEqual((error as? SQLiteStoreError)?.code, .needsMigration, "\(error)")
        }
        let foreign = directory.file("other.sqlite")
        try sqlite(foreign, "CREATE TABLE patients (id TEXT)")
        XCTAssertThrowsError(try SQLiteSnapshot(path: foreign)) { error in
            XCTAssertEqual((error as? SQLiteStoreError)?.code, .notALedgerDatabase)
        }
    }

    /// Runs `statement` on a connection of its own.
    private func sqlite(_ path: String, _ statement: String) throws {
        try SQLiteConnection(path: path).execute(statement)
    }
}
