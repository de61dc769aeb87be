@testable import CreditMedicalPostgres
import CreditMedicalCore
import XCTest

final class PostgresConnectionTests: XCTestCase {
    func testStatementsParametersTransactionsAndErrors() throws {
        let server = try PostgresTestServer.require()
        let connection = try PostgresConnection(url: try server.makeDatabase())
        try connection.execute("CREATE TABLE lines (id text PRIMARY KEY, limit_fen bigint NOT NULL, note text)")
        try connection.query("INSERT INTO lines VALUES ($1, $2, $3)", [.text("病人-1"), .integer(500_000), .null])
        let rows = try connection.query("SELECT id, limit_fen, note FROM lines WHERE id = $1", [.text("病人-1")])
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.text(0, 0), "病人-1", "UTF-8 text round-trips")
        XCTAssertEqual(rows.int64(0, 1), 500_000)
        XCTAssertNil(rows.text(0, 2), "NULL reads as nil")

        // A failed transaction leaves nothing behind and the connection usable.
        XCTAssertThrowsError(try connection.transaction {
            try connection.query("INSERT INTO lines VALUES ($1, $2, NULL)", [.text("L2"), .integer(1)])
            try connection.query("INSERT INTO lines VALUES ($1, $2, NULL)", [.text("病人-1"), .integer(2)])
        }) { error in
            XCTAssertEqual((error as? PostgresStoreError)?.code, .statement)
            XCTAssertEqual((error as? PostgresStoreError)?.sqlState, "23505", "unique violation")
        }
        XCTAssertEqual(try connection.query("SELECT count(*) FROM lines").int64(0, 0), 1)
        _ = try connection.transaction { try connection.query("INSERT INTO lines VALUES ($1, $2, NULL)", [.text("L3"), .integer(3)]) }
        XCTAssertEqual(try connection.query("SELECT count(*) FROM lines").int64(0, 0), 2)
    }

    /// A transaction that fails while a statement it sent is still running (a pipelined insert)
    /// is rolled back all the same, and the connection answers again, outside any transaction.
    func testATransactionThatFailsWithAStatementInFlightLeavesTheConnectionUsable() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let connection = try PostgresConnection(url: url)
        try connection.execute("CREATE TABLE t (a bigint)")
        struct Stop: Error {}
        XCTAssertThrowsError(try connection.transaction {
            try connection.query("INSERT INTO t VALUES (1)")
            try connection.send("INSERT INTO t SELECT 2 FROM pg_sleep(0.1)", [])
            throw Stop()
        }) { error in XCTAssertTrue(error is Stop, "the body's error: \(error)") }
        XCTAssertEqual(try connection.query("SELECT count(*) FROM t").int64(0, 0), 0, "both inserts rolled back")
        let open = try PostgresConnection(url: url).query(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'")
        XCTAssertEqual(open.int64(0, 0), 0, "no transaction is left open")
    }

    func testArrayParametersKeepEveryCharacterAndNull() throws {
        let connection = try PostgresConnection(url: try PostgresTestServer.require().makeDatabase())
        let texts = ["plain", "quote \" inside", "back\\slash", "{braces},comma", "NULL", "", "病人 张三", "\\\""]
        let result = try connection.query("SELECT x FROM unnest($1::text[]) WITH ORDINALITY AS u(x, n) ORDER BY n",
                                          [PostgresLedgerRows.array(literals: texts.map(PostgresValue.text) + [.null])])
        XCTAssertEqual((0..<result.count).map { result.text($0, 0) }, texts + [nil])
        let numbers = try connection.query("SELECT sum(x), count(x), count(*) FROM unnest($1::bigint[]) AS u(x)",
                                           [PostgresLedgerRows.array(literals: [.integer(.min + 1), .integer(.max), .null, .integer(-5)])])
        XCTAssertEqual([numbers.int64(0, 0), numbers.int64(0, 1), numbers.int64(0, 2)], [-5, 3, 4])
    }

    /// Every connection has the timeouts of its options, unless the URL's `options` change them,
    /// and commits synchronously whatever the URL says.
    func testTimeoutsComeFromTheOptionsAndTheURLAndDurabilityFromNeither() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let show = "SELECT current_setting('statement_timeout'), current_setting('lock_timeout'), current_setting('synchronous_commit')"
        let defaults = try PostgresConnection(url: url).query(show)
        XCTAssertEqual([defaults.text(0, 0), defaults.text(0, 1), defaults.text(0, 2)], ["30s", "10s", "on"])
        let chosen = try PostgresConnection(url: url, options: PostgresOptions(statementTimeout: .seconds(2), lockTimeout: .milliseconds(1500)))
            .query(show)
        XCTAssertEqual([chosen.text(0, 0), chosen.text(0, 1), chosen.text(0, 2)], ["2s", "1500ms", "on"])
        let fromURL = try PostgresConnection(url: url + "&options=-c%20statement_timeout%3D5000%20-c%20synchronous_commit%3Doff",
                                             options: PostgresOptions(statementTimeout: .seconds(2))).query(show)
        XCTAssertEqual([fromURL.text(0, 0), fromURL.text(0, 1), fromURL.text(0, 2)], ["5s", "10s", "on"])
    }
}
