import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTestSupport
import Foundation
import XCTest

/// The demo first finishes what earlier runs left and says so, and never leaves a visit of its
/// own in `settling` without saying which.
final class DemoResumeTests: CommandLineTestCase {
    func testTheDemoFinishesACheckoutACrashLeftAndSaysSo() async throws {
        let database = path("crashed.sqlite")
        let fixture = StuckCheckoutFixture(path: database)
        try await fixture.crash("MZ-CRASH")
        XCTAssertEqual(try fixture.settlement(of: "MZ-CRASH")?.step, .started)

        let demo = try runApart(["demo", "--database", database])
        XCTAssertEqual(demo.status, 0, demo.both)
        XCTAssertTrue(demo.standardOutput.contains("resumed (resumeCheckouts): 1 finished (MZ-CRASH), 0 compensated"), demo.both)
        XCTAssertTrue(demo.standardOutput.contains("Auditor: clean"), demo.both)
        XCTAssertEqual(try fixture.settlement(of: "MZ-CRASH")?.step, .completed)
        XCTAssertEqual(try SQLiteDatabase(path: database).encounterStore.encounter("MZ-CRASH")?.status, .settled)
    }

    func testTheDemosJSONSaysWhatItResumed() async throws {
        let database = path("stuck.sqlite")
        let fixture = StuckCheckoutFixture(path: database)
        try await fixture.crash("MZ-CRASH")
        try await fixture.park("MZ-PARKED")

        let demo = try runApart(["demo", "--database", database, "--json"])
        XCTAssertEqual(demo.status, 0, demo.both)
        let resumed = try XCTUnwrap(demo.json?["resumed"] as? [String: Any], demo.both)
        XCTAssertEqual(resumed["finished"] as? [String], ["MZ-CRASH"])
        let parked = try XCTUnwrap(resumed["needs_attention"] as? [[String: String]])
        XCTAssertEqual(parked.map { $0["encounter"] }, ["MZ-PARKED"])
        XCTAssertEqual(parked.first?["code"], "billing.split_mismatch")
        XCTAssertTrue(demo.standardError.contains("MZ-PARKED is parked for an operator: billing.split_mismatch"), demo.both)
        XCTAssertEqual((demo.json?["audit"] as? [String: Any])?["clean"] as? Bool, true)
    }

    /// 医保 does not answer the demo's outpatient checkout: the demo names the visit it leaves
    /// unsettled and fails; the next run finishes it.
    func testAVisitTheDemoCannotSettleIsNamedAndTheNextRunFinishesIt() throws {
        let database = path("unreachable.sqlite")
        let failed = try runApart(["demo", "--database", database, "--unreachable-insurer"])
        XCTAssertEqual(failed.status, 1, failed.both)
        XCTAssertTrue(failed.standardError.contains("MZ-000001 is not settled: it is settling, its checkout at step started"), failed.both)
        XCTAssertTrue(failed.standardError.contains("error: adapter.unavailable"), failed.both)
        let listed = try runApart(["checkouts", "--database", database, "--json"])
        XCTAssertEqual((listed.json?["checkouts"] as? [[String: Any]])?.map { $0["encounter"] as? String }, ["MZ-000001"], listed.both)

        let next = try runApart(["demo", "--database", database])
        XCTAssertEqual(next.status, 0, next.both)
        XCTAssertTrue(next.standardOutput.contains("1 finished (MZ-000001)"), next.both)
        XCTAssertTrue(next.standardOutput.contains("Auditor: clean"), next.both)
        let after = try runApart(["checkouts", "--database", database, "--json"])
        XCTAssertEqual((after.json?["checkouts"] as? [Any])?.count, 0, after.both)
    }
}
