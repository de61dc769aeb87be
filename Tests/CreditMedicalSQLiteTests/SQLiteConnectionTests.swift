@testable import CreditMedicalSQLite
import CreditMedicalTestSupport
import CSQLite
import XCTest

/// A connection never stays in a transaction or with a statement running after a failure: a
/// ROLLBACK that fails is handled, and a query whose rows cannot be read is reset.
final class SQLiteConnectionTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var connection: SQLiteConnection!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
        connection = try SQLiteConnection(path: directory.file("connection.sqlite"))
        try connection.execute("CREATE TABLE t (a INTEGER)")
    }

    override func tearDown() {
        connection = nil
        directory = nil
    }

    private struct Stop: Error {}

    func testATransactionWhoseRollbackMeetsARunningWriteIsRolledBackAndTheConnectionWritesAgain() throws {
        XCTAssertThrowsError(try connection.writeTransaction {
            let pending = try connection.statement("INSERT INTO t VALUES (1) RETURNING a")
            try pending.bind()
            XCTAssertTrue(try pending.step(), "the insert has returned a row and is still running")
            throw Stop()
        }) { error in XCTAssertTrue(error is Stop, "the body's error, not the rollback's: \(error)") }
        XCTAssertNotEqual(sqlite3_get_autocommit(connection.handle), 0, "no transaction is left open")
        XCTAssertEqual(try runningStatements(), 0)

        try connection.writeTransaction { try connection.execute("INSERT INTO t VALUES (2)") }
        XCTAssertEqual(try connection.scalar("SELECT group_concat(a) FROM t"), 2, "the first insert was rolled back")
    }

    func testAQueryWhoseRowsCannotBeReadLeavesNoStatementRunning() throws {
        try connection.execute("INSERT INTO t VALUES (1), (2), (3)")
        XCTAssertThrowsError(try connection.rows("SELECT a FROM t", whereColumn: "a", in: ["1", "2"]) { _ throws(SQLiteStoreError) -> Int in
            throw SQLiteStoreError(.corruptRow, message: "unreadable")
        })
        XCTAssertEqual(try runningStatements(), 0, "a running query would keep its read transaction, and the log would grow")
    }

    /// How many of the connection's statements have begun and not been reset.
    private func runningStatements() throws -> Int {
        var count = 0
        var statement = sqlite3_next_stmt(connection.handle, nil)
        while let current = statement {
            if sqlite3_stmt_busy(current) != 0 { count += 1 }
            statement = sqlite3_next_stmt(connection.handle, current)
        }
        return count
    }
}
