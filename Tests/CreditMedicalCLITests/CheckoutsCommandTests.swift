import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTestSupport
import Foundation
import XCTest

/// `credit-medical checkouts` lists unfinished checkouts; `checkouts retry|cancel` mark one for
/// the server's next `resumeCheckouts()`, and refuse, changing nothing, what they cannot mark.
final class CheckoutsCommandTests: CommandLineTestCase {
    private var database: String!
    private var fixture: StuckCheckoutFixture!

    override func setUp() async throws {
        try await super.setUp()
        database = path("checkouts.sqlite")
        fixture = StuckCheckoutFixture(path: database)
        try await fixture.park("MZ-PARKED")
        try await fixture.crash("MZ-CRASH")
        try await fixture.complete("MZ-DONE")
    }

    func testListsEveryUnfinishedCheckoutWithTheReasonOfParkedOnes() throws {
        let text = try runApart(["checkouts", "--database", database])
        XCTAssertEqual(text.status, 0, text.both)
        XCTAssertTrue(text.standardOutput.hasPrefix("2 unfinished checkouts in \(database!):\n  MZ-PARKED  round 1  step started  began "),
                      text.both)
        XCTAssertTrue(text.standardOutput.contains("parked since "), text.both)
        XCTAssertTrue(text.standardOutput.contains(": billing.split_mismatch: "), text.both)
        XCTAssertTrue(text.standardOutput.contains("  MZ-CRASH  round 1  step started"), text.both)
        XCTAssertFalse(text.standardOutput.contains("MZ-DONE"), text.both)

        let json = try runApart(["checkouts", "--database", database, "--json"])
        XCTAssertEqual(json.status, 0, json.both)
        XCTAssertEqual(json.json?["database"] as? String, database)
        let checkouts = try XCTUnwrap(json.json?["checkouts"] as? [[String: Any]], json.both)
        XCTAssertEqual(checkouts.map { $0["encounter"] as? String }, ["MZ-PARKED", "MZ-CRASH"])
        XCTAssertEqual(checkouts.map { $0["step"] as? String }, ["started", "started"])
        XCTAssertEqual(checkouts.map { $0["round"] as? Int }, [1, 1])
        let attention = try XCTUnwrap(checkouts[0]["attention"] as? [String: String])
        XCTAssertEqual(attention["code"], "billing.split_mismatch")
        XCTAssertTrue(attention["reason"]?.hasPrefix("billing.split_mismatch: ") == true, "\(attention)")
        XCTAssertNotNil(try Date(attention["since"] ?? "", strategy: .iso8601))
        XCTAssertNotNil(try Date(checkouts[1]["started_at"] as? String ?? "", strategy: .iso8601))
        XCTAssertNil(checkouts[1]["attention"], "a checkout a crash interrupted is not parked")
        XCTAssertTrue(json.standardError.contains("MZ-PARKED"), "the text goes to standard error: \(json.both)")
    }

    func testRetryMarksAParkedCheckoutAndTheServersNextResumeFinishesIt() async throws {
        let retry = try runApart(["checkouts", "retry", "MZ-PARKED", "--database", database])
        XCTAssertEqual(retry.status, 0, retry.both)
        XCTAssertTrue(retry.standardOutput.contains("MZ-PARKED: retry requested (round 1, step started)"), retry.both)
        XCTAssertTrue(retry.standardOutput.contains("The server's next resumeCheckouts() (run at start and every minute)"), retry.both)
        XCTAssertNil(try fixture.settlement(of: "MZ-PARKED")?.attention)

        let report = try await fixture.resume()
        XCTAssertEqual(Set(report.finished.map(\.encounter)), ["MZ-PARKED", "MZ-CRASH"])
        XCTAssertEqual(try fixture.settlement(of: "MZ-PARKED")?.step, .completed)
    }

    func testCancelMarksACheckoutAndTheServersNextResumeUndoesIt() async throws {
        let cancel = try runApart(["checkouts", "cancel", "MZ-PARKED", "--database", database, "--json"])
        XCTAssertEqual(cancel.status, 0, cancel.both)
        XCTAssertEqual(cancel.json?["encounter"] as? String, "MZ-PARKED")
        XCTAssertEqual(cancel.json?["requested"] as? String, "cancel")
        XCTAssertEqual(cancel.json?["step"] as? String, "cancelling")
        XCTAssertEqual(cancel.json?["database"] as? String, database)
        XCTAssertEqual(cancel.json?["round"] as? Int, 1)
        XCTAssertEqual(try fixture.settlement(of: "MZ-PARKED")?.step, .cancelling)

        let report = try await fixture.resume()
        XCTAssertEqual(report.compensated.map(\.encounter), ["MZ-PARKED"])
        let reopened = try XCTUnwrap(try SQLiteDatabase(path: database).encounterStore.encounter("MZ-PARKED"))
        XCTAssertEqual(reopened.status, .open)
        XCTAssertEqual(reopened.round, 2)
    }

    func testAnUnknownEncounterOrACompleteCheckoutIsRefusedAndNothingChanges() throws {
        let before = try ["MZ-PARKED", "MZ-CRASH", "MZ-DONE"].map { try fixture.settlement(of: EncounterID($0)) }
        for (arguments, code) in [(["retry", "MZ-NONE"], "billing.encounter_not_found"), (["retry", "MZ-DONE"], "cli.no_unfinished_checkout"),
                                  (["cancel", "MZ-DONE"], "cli.no_unfinished_checkout")] {
            let result = try runApart(["checkouts"] + arguments + ["--database", database])
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.both)")
            XCTAssertEqual(result.standardOutput, "", "\(arguments)")
            XCTAssertTrue(result.standardError.hasPrefix("error: \(code): "), "\(arguments): \(result.both)")
        }
        XCTAssertEqual(try ["MZ-PARKED", "MZ-CRASH", "MZ-DONE"].map { try fixture.settlement(of: EncounterID($0)) }, before)

        let missing = try runApart(["checkouts", "retry", "MZ-PARKED", "--database", path("missing.sqlite")])
        XCTAssertEqual(missing.status, 1, missing.both)
        XCTAssertTrue(missing.standardError.hasPrefix("error: cli.database_not_found"), missing.both)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("missing.sqlite")))
    }
}
