@testable import CreditMedicalPostgres
import CreditMedicalTestSupport
import Foundation
import XCTest

/// The `credit-medical` binary with `--database postgres://…`: the demo twice, the audit, and a
/// copy of a SQLite file (ledger and desk) into PostgreSQL; no password printed; `bench`'s scratch
/// databases dropped when it is interrupted.
final class PostgresCommandLineTests: XCTestCase {
    private let tool = BuiltProgram("credit-medical")

    func testDemoAuditAndCopyTakeAPostgreSQLURL() throws {
        let server = try PostgresTestServer.require()
        let url = try server.makeDatabase()
        XCTAssertTrue(try run(["demo", "--database", url]).contains("Auditor: clean, 36 journal entries"))
        XCTAssertTrue(try run(["demo", "--database", url]).contains("Auditor: clean, 72 journal entries"))
        XCTAssertTrue(try run(["audit", "--database", url]).contains("72 journal entries, 8 lines, 10 holds checked\nclean"))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cm-cli-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        XCTAssertTrue(try run(["demo", "--database", file]).contains("Auditor: clean, 36 journal entries"))
        let copy = try run(["copy", "--from", file, "--to", try server.makeDatabase()])
        XCTAssertTrue(copy.contains("copied 36 journal entries; lines and holds equal the source"), copy)
        XCTAssertTrue(copy.contains("copied 5 encounters (24 charge items, 2 refunds, 5 settlement records, 0 notifications"), copy)
    }

    /// A URL with a password the server does not need (it trusts local connections): the commands
    /// connect and work, and print the URL without it.
    func testThePasswordOfAURLIsNeverPrinted() throws {
        let server = try PostgresTestServer.require()
        let secret = "pw-\(UUID().uuidString)"
        let url = try server.makeDatabase() + "&password=\(secret)"
        let redacted = PostgresDatabase.redacted(url)
        XCTAssertFalse(redacted.contains(secret))
        for arguments in [["demo", "--database", url], ["checkouts", "--database", url]] {
            let text = try tool.runApart(arguments)
            XCTAssertEqual(text.status, 0, "\(arguments): \(text.both)")
            XCTAssertTrue(text.standardOutput.contains(redacted), "\(arguments): \(text.both)")
            XCTAssertFalse(text.both.contains(secret), "\(arguments): \(text.both)")
            let json = try tool.runApart(arguments + ["--json"])
            XCTAssertEqual(json.status, 0, "\(arguments): \(json.both)")
            XCTAssertEqual(json.json?["database"] as? String, redacted, json.both)
            XCTAssertFalse(json.both.contains(secret), "\(arguments): \(json.both)")
        }
    }

    /// Ctrl-C during `bench ledger --database`: the scratch databases it created are dropped.
    func testInterruptingTheBenchmarkDropsItsScratchDatabases() throws {
        let server = try PostgresTestServer.require()
        let count = "SELECT count(*) FROM pg_database WHERE datname LIKE 'creditmedical\\_bench\\_%'"
        XCTAssertEqual(try PostgresConnection(url: server.url).query(count).int64(0, 0), 0)
        let process = try tool.start(["bench", "ledger", "--database", server.url, "--commands", "200000"])
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        let deadline = Date().addingTimeInterval(60)
        var made: Int64 = 0
        while made == 0, process.isRunning, Date() < deadline {
            made = try PostgresConnection(url: server.url).query(count).int64(0, 0) ?? 0
            if made == 0 { usleep(20_000) }
        }
        XCTAssertGreaterThan(made, 0, "the benchmark made a scratch database")
        usleep(200_000)  // into the benchmark's work on it
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertEqual(try PostgresConnection(url: server.url).query(count).int64(0, 0), 0, "no scratch database is left")
    }

    /// Runs the binary built next to this test bundle; its output, after checking it exits 0.
    private func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let (status, output) = try tool.run(arguments)
        XCTAssertEqual(status, 0, "\(arguments): \(output)", file: file, line: line)
        return output
    }
}
