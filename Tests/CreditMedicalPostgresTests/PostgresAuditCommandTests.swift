import CreditMedicalTestSupport
import Foundation
import XCTest

/// `credit-medical audit --database postgres://…` reads one snapshot and never creates, migrates
/// or writes anything in the database it is pointed at.
final class PostgresAuditCommandTests: XCTestCase {
    private let tool = BuiltProgram("credit-medical")

    func testAnEmptyDatabaseIsRefusedAndGetsNoTables() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let result = try tool.run(["audit", "--database", url])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("postgres.not_a_creditmedical_database"), result.output)
        XCTAssertEqual(try PostgresTestServer.scalar(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "0")
    }

    func testAnAuditedDatabaseIsReportedCleanInJSON() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        XCTAssertEqual(try tool.run(["demo", "--database", url]).status, 0)
        let result = try tool.runApart(["audit", "--database", url, "--json"])
        XCTAssertEqual(result.status, 0, result.both)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any], result.both)
        XCTAssertEqual(object["clean"] as? Bool, true)
        XCTAssertEqual((object["ledger"] as? [String: Any])?["entries_checked"] as? Int, 36)
    }
}
