import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
@testable import CreditMedicalSQLite
import CSQLite
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

final class SQLiteLedgerStoreTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws { directory = try TemporaryDirectory() }
    override func tearDown() { directory = nil }

    func testCommitsAreDurableInWriteAheadLogMode() throws {
        let store = try SQLiteLedgerStore(path: directory.file("ledger.sqlite"))
        XCTAssertTrue(try store.database.commitsAreDurable())
        XCTAssertEqual(try sql(directory.file("ledger.sqlite"), "PRAGMA journal_mode"), "wal")
    }

    func testDatabaseFromNewerSchemaIsRefusedAndLeftAlone() throws {
        // A newer SDK recorded a migration this one does not know.
        let path = directory.file("ledger.sqlite")
        _ = try SQLiteDatabase(path: path)
        _ = try sql(path, "INSERT INTO creditmedical_migrations (name) VALUES ('ledger/from-a-newer-sdk')")
        XCTAssertThrowsError(try SQLiteDatabase(path: path)) { error in
            XCTAssertEqual((error as? SQLiteStoreError)?.code, .schemaTooNew)
            XCTAssertTrue("\(error)".contains("ledger/from-a-newer-sdk"), "\(error)")
        }
        XCTAssertEqual(try sql(path, "SELECT count(*) FROM creditmedical_migrations WHERE name = 'ledger/from-a-newer-sdk'"), "1")
        // A newer SDK changed how migrations are recorded.
        let renumbered = directory.file("renumbered.sqlite")
        _ = try SQLiteDatabase(path: renumbered)
        _ = try sql(renumbered, "PRAGMA user_version = 6")
        XCTAssertThrowsError(try SQLiteDatabase(path: renumbered)) { error in
            XCTAssertEqual((error as? SQLiteStoreError)?.code, .schemaTooNew)
        }
        XCTAssertEqual(try sql(renumbered, "PRAGMA user_version"), "6")
    }

    func testAFlushSyncsEveryCommitBeforeItAndNoMore() async throws {
        let store = try SQLiteLedgerStore(path: directory.file("ledger.sqlite"))
        XCTAssertEqual(store.database.log.state.unsynced, 0, "opening syncs the migrations")
        let opened = store.database.log.state.syncs
        let ledger = Ledger(store: store)
        try await ledger.execute(.openLine("L1", limit: Money(fen: 100)), key: "open")
        XCTAssertEqual(store.database.log.state.unsynced, 0, "the ledger answers after the sync")
        XCTAssertEqual(store.database.log.state.syncs, opened + 1)

        try store.database.encounterStore.commit([.notification(PatientNotification(id: "N1", patient: "P", kind: .settled, text: "x"))])
        XCTAssertEqual(store.database.log.state.unsynced, 1, "a commit waits for the next flush")
        try store.flush()
        try store.flush()
        XCTAssertEqual(store.database.log.state.unsynced, 0)
        XCTAssertEqual(store.database.log.state.syncs, opened + 2, "a flush with nothing new to cover does not sync again")
    }

    func testABulkInsertWithAParameterLeftUnboundIsRefused() throws {
        let connection = try SQLiteConnection(path: directory.file("bulk.sqlite"))
        try connection.execute("CREATE TABLE pairs (a INTEGER, b INTEGER)")
        let insert = BulkInsert(table: "pairs", columns: ["a", "b"])
        try connection.run(insert, rows: [Int64(1), 2]) { value, row throws(SQLiteStoreError) in
            try row.bind(value)
            try row.bind(value * 10)
        }
        // The statement for two rows is cached with its values; a row that binds one column of
        // two must not insert the value left from before.
        XCTAssertThrowsError(try connection.run(insert, rows: [Int64(3), 4]) { value, row throws(SQLiteStoreError) in
            try row.bind(value)
        }) { error in
            XCTAssertEqual((error as? SQLiteStoreError)?.resultCode, SQLITE_MISUSE)
        }
        XCTAssertEqual(try connection.scalar("SELECT count(*) FROM pairs"), 2)
        XCTAssertEqual(try connection.scalar("SELECT sum(b) FROM pairs"), 30)
    }

    func testOtherApplicationsDatabaseIsRefused() throws {
        let path = directory.file("other.sqlite")
        _ = try sql(path, "CREATE TABLE patients (id TEXT)")
        XCTAssertThrowsError(try SQLiteLedgerStore(path: path)) { error in
            XCTAssertEqual((error as? SQLiteStoreError)?.code, .notALedgerDatabase)
        }
        XCTAssertEqual(try sql(path, "SELECT count(*) FROM sqlite_master"), "1")
    }

    func testThrowingBatchPersistsNothing() throws {
        let store = try SQLiteLedgerStore(path: directory.file("ledger.sqlite"))
        struct Crash: Error {}
        let open = [LedgerRequest(key: "open", command: .openLine("L1", limit: Money(fen: 100)))]
        XCTAssertThrowsError(try store.transact(loading: LedgerStateKeys(for: open)) { state in
            _ = LedgerStateMachine.apply(open, to: &state, at: Timestamp(millisecondsSince1970: 1))
            throw Crash()
        })
        XCTAssertNil(try store.line("L1"))
        XCTAssertTrue(try store.journal(line: nil, after: 0, limit: 10).isEmpty)
        // The store is still usable and starts its journal at 1.
        let results = try store.transact(loading: LedgerStateKeys(for: open)) { state in
            LedgerStateMachine.apply(open, to: &state, at: Timestamp(millisecondsSince1970: 1))
        }
        XCTAssertEqual(try results[0].get().entry.sequence, 1)
    }

    /// Two stores on one file stand for two processes: each must see the other's commits (its
    /// cache of its own writes must not hide them), replays must be recognized across them, and
    /// nothing may be lost when both write at once.
    func testTwoStoresOnOneFileWriteTogether() async throws {
        let path = directory.file("ledger.sqlite")
        let first = Ledger(store: try SQLiteLedgerStore(path: path))
        let second = Ledger(store: try SQLiteLedgerStore(path: path))
        try await first.execute(.openLine("L1", limit: Money(fen: 10_000_000)), key: "open")
        try await second.execute(.placeHold("H0", line: "L1", amount: Money(fen: 100), expiresAt: nil), key: "h0")
        try await first.execute(.increaseHold("H0", by: Money(fen: 50)), key: "h0+")
        let replay = try await second.execute(.increaseHold("H0", by: Money(fen: 50)), key: "h0+")
        XCTAssertTrue(replay.isReplay)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for caller in 0..<40 {
                let ledger = caller % 2 == 0 ? first : second
                group.addTask {
                    let hold = HoldID("H\(caller + 1)")
                    try await ledger.execute(.placeHold(hold, line: "L1", amount: Money(fen: 1_000), expiresAt: nil), key: IdempotencyKey("p\(caller)"))
                    try await ledger.execute(.captureHold(hold, amount: Money(fen: 600)), key: IdempotencyKey("c\(caller)"))
                    try await ledger.execute(.repay("L1", amount: Money(fen: 100)), key: IdempotencyKey("r\(caller)"))
                }
            }
            try await group.waitForAll()
        }
        for ledger in [first, second] {
            let line = try XCTUnwrap(try ledger.line("L1"))
            XCTAssertEqual(line.held, Money(fen: 150))
            XCTAssertEqual(line.outstanding, Money(fen: 40 * 500))
            XCTAssertTrue(try LedgerAuditor(store: ledger.store).audit().isClean)
        }
        XCTAssertEqual(try first.store.journal(line: nil, after: 0, limit: .max).count, 3 + 40 * 3)
    }

    /// Refused input never reaches the file, and the ledger answers it as over any other store.
    func testRefusedInputIsAnsweredAsOverTheMemoryStore() async throws {
        let memory = try await RefusedInputs.check(InMemoryLedgerStore())
        let sqlite = try await RefusedInputs.check(SQLiteLedgerStore(path: directory.file("refused.sqlite")))
        XCTAssertEqual(sqlite, memory)
    }

    /// Text is read back by its length in bytes, never as a C string: a NUL inside it (which the
    /// input rules keep out of the SDK's own writes) does not cut it short.
    func testTextIsReadBackWhole() throws {
        let connection = try SQLiteConnection(path: directory.file("text.sqlite"))
        try connection.execute("CREATE TABLE texts (value TEXT)")
        let text = "before\u{0}after 病人"
        try connection.run(BulkInsert(table: "texts", columns: ["value"]), rows: [text]) { value, row throws(SQLiteStoreError) in
            try row.bind(value)
        }
        XCTAssertEqual(try connection.text("SELECT value FROM texts"), text)
    }

    /// Runs `statement` on its own connection and returns the first column of the first row.
    private func sql(_ path: String, _ statement: String) throws -> String? {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK, let handle else { throw SQLiteStoreError(.sqlite, message: "cannot open \(path)") }
        defer { sqlite3_close(handle) }
        var prepared: OpaquePointer?
        guard sqlite3_prepare_v2(handle, statement, -1, &prepared, nil) == SQLITE_OK else {
            XCTFail(String(cString: sqlite3_errmsg(handle)))
            return nil
        }
        defer { sqlite3_finalize(prepared) }
        guard sqlite3_step(prepared) == SQLITE_ROW, let text = sqlite3_column_text(prepared, 0) else { return nil }
        return String(cString: text)
    }
}
