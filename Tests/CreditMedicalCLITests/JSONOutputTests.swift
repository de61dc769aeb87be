import CreditMedicalTestSupport
import Foundation
import XCTest

/// With `--json` a command prints exactly one JSON document on standard output and its text on
/// standard error, so that `| jq` works; errors go to standard error only.
final class JSONOutputTests: CommandLineTestCase {
    func testDemoPrintsOneJSONDocumentAndTellsTheStoryOnStandardError() throws {
        let database = path("demo.sqlite")
        let result = try runApart(["demo", "--database", database, "--json"])
        XCTAssertEqual(result.status, 0, result.both)
        let json = try XCTUnwrap(result.json, result.both)
        XCTAssertEqual(json["database"] as? String, database)
        XCTAssertEqual(json["patients"] as? [String], ["patient-000001", "patient-000002", "patient-000003", "patient-000004"])
        XCTAssertEqual(json["encounters"] as? [String], ["MZ-000001", "ZY-000002", "MZ-000003", "MZ-000004", "JZ-000003"])
        XCTAssertEqual((json["unsettled"] as? [Any])?.count, 0)
        let resumed = try XCTUnwrap(json["resumed"] as? [String: [Any]])
        XCTAssertEqual(resumed.keys.sorted(), ["compensated", "deferred", "finished", "needs_attention"])
        XCTAssertTrue(resumed.values.allSatisfy(\.isEmpty), "\(resumed)")
        let settlements = try XCTUnwrap(json["settlements"] as? [[String: Any]])
        XCTAssertEqual(settlements.map { $0["encounter"] as? String }, ["MZ-000001", "ZY-000002", "MZ-000003", "MZ-000004", "JZ-000003"])
        for settlement in settlements {
            XCTAssertEqual(settlement["step"] as? String, "completed")
            let split = try XCTUnwrap(settlement["split"] as? [String: Int])
            XCTAssertEqual(split.keys.sorted(), ["commercial_fen", "credit_fen", "excess_fen", "fund_fen", "personal_account_fen"])
            XCTAssertEqual(split.values.reduce(0, +), settlement["total_fen"] as? Int, "the parts add up to the total")
        }
        let audit = try XCTUnwrap(json["audit"] as? [String: Any])
        XCTAssertEqual(audit["clean"] as? Bool, true)
        XCTAssertEqual(audit["entries_checked"] as? Int, 36)
        XCTAssertTrue(result.standardError.contains("Auditor: clean, 36 journal entries"), result.both)
        XCTAssertTrue(result.standardError.contains("1. patient-000001 enrolls"), result.both)
    }

    func testCopyPrintsOneJSONDocument() throws {
        let (source, target) = (path("source.sqlite"), path("target.sqlite"))
        XCTAssertEqual(try run(["demo", "--database", source]).status, 0)
        let result = try runApart(["copy", "--from", source, "--to", target, "--json"])
        XCTAssertEqual(result.status, 0, result.both)
        let json = try XCTUnwrap(result.json, result.both)
        XCTAssertEqual(json["source"] as? String, source)
        XCTAssertEqual(json["target"] as? String, target)
        XCTAssertEqual(json["journal_entries"] as? Int, 36)
        XCTAssertEqual(json["lines_and_holds_equal"] as? Bool, true)
        XCTAssertEqual((json["audit"] as? [String: Any])?["clean"] as? Bool, true)
        XCTAssertEqual(json["desk"] as? [String: Int],
                       ["encounters": 5, "charge_items": 24, "refunds": 2, "settlement_records": 5, "notifications": 0])
        XCTAssertTrue(result.standardError.contains("copied 36 journal entries"), result.both)
        XCTAssertEqual(json["collection"] as? [String: Int], ["receivables": 5, "collection_events": 26, "write_offs": 0, "arrears_events": 3,
                                                              "pending_registry_pushes": 0])
    }

    func testBenchLedgerPrintsOneJSONDocument() throws {
        let result = try runApart(["bench", "ledger", "--commands", "400", "--callers", "4", "--lines", "10", "--json"])
        XCTAssertEqual(result.status, 0, result.both)
        let json = try XCTUnwrap(result.json, result.both)
        XCTAssertEqual(json["store"] as? String, "SQLite (WAL)")
        XCTAssertEqual(json["durable"] as? Bool, true)
        XCTAssertEqual(json["commands"] as? Int, 400)
        for key in ["naive_ops_per_s", "batched_ops_per_s", "state_machine_ops_per_s"] {
            XCTAssertGreaterThan(json[key] as? Int ?? 0, 0, key)
        }
        XCTAssertGreaterThan(json["ratio"] as? Double ?? 0, 0)
        XCTAssertTrue(result.standardError.contains("(b) group commit"), result.both)
    }

    func testBenchBillingPrintsOneJSONDocument() throws {
        let result = try runApart(["bench", "billing", "--checkouts", "40", "--callers", "4", "--json"])
        XCTAssertEqual(result.status, 0, result.both)
        let json = try XCTUnwrap(result.json, result.both)
        XCTAssertEqual(json["inpatient_items"] as? Int, 20_000)
        XCTAssertEqual(json["checkouts"] as? Int, 40)
        XCTAssertEqual(json["durable"] as? Bool, true)
        for key in ["outpatient_checkouts_per_s", "naive_checkouts_per_s"] {
            XCTAssertGreaterThan(json[key] as? Int ?? 0, 0, key)
        }
        XCTAssertGreaterThan(json["inpatient_settle_s"] as? Double ?? 0, 0)
        XCTAssertTrue(result.standardError.contains("(b) outpatient checkouts"), result.both)
    }

    func testBenchCollectionPrintsOneJSONDocument() throws {
        let result = try runApart(["bench", "collection", "--receivables", "4000", "--repayments", "400", "--json"])
        XCTAssertEqual(result.status, 0, result.both)
        let json = try XCTUnwrap(result.json, result.both)
        XCTAssertEqual(json["overdue_receivables"] as? Int, 4_000)
        XCTAssertEqual(json["durable"] as? Bool, true)
        for key in ["overdue_s", "rerun_s", "ratio", "overdue_ratio"] { XCTAssertGreaterThan(json[key] as? Double ?? 0, 0, key) }
        for key in ["repayments_per_s", "naive_repayments_per_s", "steps_taken"] { XCTAssertGreaterThan(json[key] as? Int ?? 0, 0, key) }
        XCTAssertTrue(result.standardError.contains("(b) the same job again, nothing to do"), result.both)
    }

    func testReportPrintsCollectionPerInstitutionAndBank() throws {
        let database = path("demo.sqlite")
        XCTAssertEqual(try run(["demo", "--database", database]).status, 0)
        let result = try runApart(["report", "--database", database, "--json"])
        XCTAssertEqual(result.status, 0, result.both)
        let json = try XCTUnwrap(result.json, result.both)
        let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.map { "\($0["institution"] ?? "")/\($0["bank"] ?? "")" }, ["platform/demo-bank"])
        let row = rows[0]
        XCTAssertEqual(row["receivables"] as? Int, 5, "the demo's five settled visits")
        XCTAssertEqual(row["listed_lines"] as? Int, 1, "the inpatient never repaid: listed at 120 days past due")
        let aging = try XCTUnwrap(row["aging_fen"] as? [String: Int])
        XCTAssertEqual(aging.values.reduce(0, +), row["owed_fen"] as? Int, "the buckets add up to what is owed")
        XCTAssertEqual((row["principal_fen"] as? Int ?? 0) - (row["repaid_fen"] as? Int ?? 0) - (row["written_off_fen"] as? Int ?? 0),
                       row["owed_fen"] as? Int)
        let csv = try run(["report", "--database", database, "--csv"])
        XCTAssertEqual(csv.status, 0, csv.output)
        XCTAssertTrue(csv.output.hasPrefix("institution,bank,receivables,overdue,principal,repaid,written_off,owed,"), csv.output)
        XCTAssertTrue(csv.output.contains("\nplatform,demo-bank,5,"), csv.output)
        let missing = try runApart(["report", "--database", path("missing.sqlite")])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.standardError.contains("cli.database_not_found"), missing.both)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("missing.sqlite")), "nothing is created")
    }

    func testErrorsWithJSONGoToStandardErrorWithTheirExitStatus() throws {
        let usage = try runApart(["demo", "--json", "--database"])
        XCTAssertEqual(usage.status, 2, usage.both)
        XCTAssertEqual(usage.standardOutput, "")
        XCTAssertTrue(usage.standardError.hasPrefix("error: --database needs a value"), usage.both)
        let failure = try runApart(["checkouts", "--json", "--database", path("missing.sqlite")])
        XCTAssertEqual(failure.status, 1, failure.both)
        XCTAssertEqual(failure.standardOutput, "")
        XCTAssertTrue(failure.standardError.hasPrefix("error: sqlite.file_not_found"), failure.both)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("missing.sqlite")), "looking creates no database")
    }
}
