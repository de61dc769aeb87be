import CreditMedicalTestSupport
import Foundation
import XCTest

/// No command prints the password of a PostgreSQL URL, not even when it cannot connect.
/// (`PostgresCommandLineTests` checks the same with a server that accepts the connection.)
final class PasswordTests: CommandLineTestCase {
    func testAPasswordInAnUnreachableURLIsNeverPrinted() throws {
        let secret = "pw-\(UUID().uuidString)"
        let url = "postgres://alice:\(secret)@127.0.0.1:1/credit?password=\(secret)"
        let file = path("demo.sqlite")
        XCTAssertEqual(try run(["demo", "--database", file]).status, 0)
        for arguments in [["demo", "--database", url], ["demo", "--database", url, "--json"], ["checkouts", "--database", url],
                          ["checkouts", "retry", "MZ-1", "--database", url], ["checkouts", "cancel", "MZ-1", "--database", url],
                          ["copy", "--from", url, "--to", file], ["copy", "--from", file, "--to", url, "--json"],
                          ["bench", "ledger", "--database", url, "--commands", "400"], ["audit", "--database", url]] {
            let result = try runApart(arguments)
            // The audit says "could not audit" with its own status, 2.
            XCTAssertEqual(result.status, arguments[0] == "audit" ? 2 : 1, "\(arguments): \(result.both)")
            XCTAssertTrue(result.standardError.contains("postgres.unreachable"), "\(arguments): \(result.both)")
            XCTAssertFalse(result.both.contains(secret), "\(arguments): \(result.both)")
        }
    }
}
