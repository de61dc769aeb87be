@testable import CreditMedicalPostgres
import Foundation
import XCTest

/// The scratch databases a test makes are dropped when it ends, also when it fails: a test case
/// whose body makes one and then fails is run here, and afterwards the database is gone.
final class PostgresScratchDatabaseTests: XCTestCase {
    func testAFailingTestLeavesNoScratchDatabase() throws {
        let server = try PostgresTestServer.require()
        let count = "SELECT count(*) FROM pg_database WHERE datname LIKE 'cm\\_%'"
        let before = try PostgresConnection(url: server.url).query(count).int64(0, 0)
        var made: String?
        var existedInBody = false
        let failing = CaseFailingOnPurpose(name: "failsOnPurpose") { _ in
            let url = try server.makeDatabase()
            made = URLComponents(string: url)?.path.trimmingCharacters(in: ["/"])
            existedInBody = try PostgresConnection(url: url).query("SELECT 1").count == 1
            throw CocoaError(.featureUnsupported)
        }
        failing.run()
        // XCTest has no running test now, so `XCTAssert…` would report nowhere: checks record
        // their failures on this test themselves.
        check(failing.failures.count == 1, "the body failed once: \(failing.failures)")
        check(existedInBody, "the database was there while the test ran")
        guard let made else { return check(false, "the body made a database") }
        let left = try PostgresConnection(url: server.url).query("SELECT count(*) FROM pg_database WHERE datname = $1", [.text(made)])
        check(left.int64(0, 0) == 0, "\(made) was dropped")
        let after = try PostgresConnection(url: server.url).query(count).int64(0, 0)
        check(after == before, "as many scratch databases as before: \(String(describing: before)), now \(String(describing: after))")
    }

    private func check(_ condition: Bool, _ message: String, line: Int = #line) {
        if !condition { recordFailure(withDescription: message, inFile: #filePath, atLine: line, expected: true) }
    }
}

/// A test case run by another test: it fails on purpose, so its failures are kept here instead
/// of being reported as the run's.
private final class CaseFailingOnPurpose: XCTestCase {
    private(set) var failures: [String] = []

    override func recordFailure(withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool) {
        failures.append(description)
    }
}
