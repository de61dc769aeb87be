@testable import CreditMedicalPostgres
import CreditMedicalStoreSupport
import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import XCTest

/// A snapshot answers every query from one moment while others write, and never creates,
/// migrates or writes anything: it refuses a database that is not at this SDK's schema.
final class PostgresSnapshotTests: XCTestCase {
    func testASnapshotReadsOneMomentWhileAnotherStoreWrites() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let database = try PostgresDatabase(url: url)
        let (ledger, writer) = (Ledger(store: database.ledgerStore), database.encounterStore)
        _ = try await ledger.submit((0..<4).map {
            LedgerRequest(key: IdempotencyKey("open-\($0)"), command: .openLine(CreditLineID("L\($0)"), limit: Money(fen: 100_000)))
        })
        try writer.commit(EncounterStoreConformance.sampleCommit())
        let snapshot = try PostgresSnapshot(url: url)
        let journal = try snapshot.journal(line: nil, after: 0, limit: .max)
        let lines = try snapshot.lines(after: nil, limit: .max)
        XCTAssertEqual(journal.count, 4)
        XCTAssertEqual(try snapshot.encounter("MZ-1"), try writer.encounter("MZ-1"), "the desk's paperwork reads as the store's")
        for round in 0..<8 {
            _ = try await ledger.submit((0..<4).map {
                LedgerRequest(key: IdempotencyKey("hold-\(round)-\($0)"),
                              command: .placeHold(HoldID("H\(round)-\($0)"), line: CreditLineID("L\($0)"), amount: Money(fen: 100), expiresAt: nil))
            })
            try writer.commit([.items("MZ-2", [ChargeItem(id: ChargeItemID("I\(round)"), code: "X", name: "item", category: .laboratory,
                                                           insuranceClass: .a, quantity: Quantity(units: 1), unitPrice: Money(fen: 10),
                                                           time: Timestamp(millisecondsSince1970: 1_795_564_800_000))])])
            XCTAssertEqual(try snapshot.journal(line: nil, after: 0, limit: .max).count, journal.count, "round \(round)")
            XCTAssertEqual(try snapshot.lines(after: nil, limit: .max), lines, "round \(round)")
            XCTAssertEqual(try snapshot.charges(of: "MZ-2").items.count, 0, "round \(round)")
        }
        XCTAssertEqual(try database.ledgerStore.journal(line: nil, after: 0, limit: .max).count, 4 + 8 * 4, "the writer did write meanwhile")
        XCTAssertEqual(try database.ledgerStore.line("L0")?.held, Money(fen: 800))
        snapshot.close()
        XCTAssertThrowsError(try snapshot.line("L0")) { error in
            XCTAssertEqual((error as? PostgresStoreError)?.code, .closed, "\(error)")
        }
        XCTAssertEqual(try PostgresSnapshot(url: url).journal(line: nil, after: 0, limit: .max).count, 36, "a new snapshot sees it all")
    }

    func testASnapshotOfAnEmptyDatabaseIsRefusedAndCreatesNothing() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        XCTAssertThrowsError(try PostgresSnapshot(url: url)) { error in
            XCTAssertEqual((error as? PostgresStoreError)?.code, .notACreditMedicalDatabase, "\(error)")
        }
        let tables = try PostgresConnection(url: url).query("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
        XCTAssertEqual(tables.int64(0, 0), 0)
    }

    func testAnOlderSchemaIsRefusedAndNotMigrated() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let connection = try PostgresConnection(url: url)
        try connection.transaction {
            for migration in PostgresSchema.plan.migrations.prefix(2) { try connection.execute(migration.sql) }
            try connection.execute("CREATE TABLE creditmedical_schema (version integer NOT NULL); INSERT INTO creditmedical_schema VALUES (2)")
        }
        XCTAssertThrowsError(try PostgresSnapshot(url: url)) { error in
            XCTAssertEqual((error as? PostgresStoreError)?.code, .needsMigration, "\(error)")
            XCTAssertEqual((error as? PostgresStoreError)?.context["pending_migrations"], "ledger/command-detail, ledger/family, encounters/revision, encounters/claims, encounters/institutions, scoring/create, enrollment/consents, enrollment/steps, receivables/create, blacklist/entries, blacklist/registry-outbox")
        }
        XCTAssertEqual(try connection.query("SELECT max(version) FROM creditmedical_schema").int64(0, 0), 2)
        let revision = try connection.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'encounters' AND column_name = 'revision'")
        XCTAssertEqual(revision.int64(0, 0), 0, "migration 3 did not run")
    }

    func testANewerSchemaIsRefused() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        _ = try PostgresLedgerStore(url: url)
        try PostgresTestServer.sql(url, "INSERT INTO creditmedical_migrations (name) VALUES ('ledger/from-a-newer-sdk')")
        XCTAssertThrowsError(try PostgresSnapshot(url: url)) { error in
            XCTAssertEqual((error as? PostgresStoreError)?.code, .schemaTooNew, "\(error)")
        }
    }
}
