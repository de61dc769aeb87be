@testable import CreditMedicalPostgres
import CreditMedicalCore
import Foundation
import XCTest

/// Failures are told apart by SQLSTATE and by how far the connection got, not by the words of a
/// message; the description names host, port and database, never a password.
final class PostgresErrorTests: XCTestCase {
    private func code(of body: () throws -> Void) -> PostgresStoreError? {
        do {
            try body()
            return nil
        } catch {
            return error as? PostgresStoreError
        }
    }

    func testNoServerAtTheAddressIsUnreachable() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("cm-no-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let error = try XCTUnwrap(code { _ = try PostgresLedgerStore(url: "postgresql:///ledger?host=\(empty.path)&port=5999") })
        XCTAssertEqual(error.code, .unreachable, "\(error)")
        XCTAssertEqual(error.context["host"], empty.path)
        XCTAssertEqual(error.context["port"], "5999")
        XCTAssertEqual(error.context["database"], "ledger")
        let refused = try XCTUnwrap(code { _ = try PostgresConnection(url: "postgresql://postgres@127.0.0.1:1/ledger") })
        XCTAssertEqual(refused.code, .unreachable, "nothing listens on port 1: \(refused)")
        XCTAssertEqual(refused.context["host"], "127.0.0.1")
        XCTAssertEqual(refused.context["port"], "1")
    }

    func testAWrongOrMissingPasswordIsAnAuthenticationFailure() throws {
        let server = try ThrowawayPostgres.start(for: self, hba: ["local all alice scram-sha-256"])
        try PostgresTestServer.sql(server.url, "CREATE ROLE alice LOGIN PASSWORD 'right-secret'")
        let alice = "postgresql://alice:%@@/postgres?host=\(server.socketDirectory.path)"
        XCTAssertNoThrow(try PostgresConnection(url: String(format: alice, "right-secret")), "the right password opens")
        let wrong = try XCTUnwrap(code { _ = try PostgresConnection(url: String(format: alice, "wrong-secret")) })
        XCTAssertEqual(wrong.code, .authenticationFailed, "\(wrong)")
        XCTAssertEqual(wrong.context["database"], "postgres")
        XCTAssertFalse(wrong.description.contains("secret"), wrong.description)
        XCTAssertFalse(wrong.debugDescription.contains("secret"), wrong.debugDescription)
        let missing = try XCTUnwrap(code {
            _ = try PostgresConnection(url: "postgresql://alice@/postgres?host=\(server.socketDirectory.path)&passfile=/nonexistent")
        })
        XCTAssertEqual(missing.code, .authenticationFailed, "\(missing)")
    }

    func testAMissingDatabaseIsNamedAsSuch() throws {
        let server = try PostgresTestServer.require()
        let url = server.url.replacingOccurrences(of: "///postgres?", with: "///cm_missing_database?")
        let error = try XCTUnwrap(code { _ = try PostgresLedgerStore(url: url) })
        XCTAssertEqual(error.code, .databaseNotFound, "\(error)")
        XCTAssertEqual(error.context["database"], "cm_missing_database")
    }

    func testADataExceptionIsInvalidInput() throws {
        let connection = try PostgresConnection(url: try PostgresTestServer.require().makeDatabase())
        let error = try XCTUnwrap(code { try connection.query("SELECT $1::bigint", [.text("12 fen")]) })
        XCTAssertEqual(error.code, .invalidInput, "\(error)")
        XCTAssertEqual(error.sqlState, "22P02")
        XCTAssertFalse(error.description.contains("12 fen"), "the value stays out of the description: \(error)")
        XCTAssertEqual(try connection.query("SELECT 1").int64(0, 0), 1, "the connection stays usable")
    }
}
