import CreditMedicalTestSupport
import Foundation
import XCTest

/// `credit-medical audit` reads one snapshot and writes nothing.
final class AuditCommandTests: CommandLineTestCase {
    private let worker = BuiltProgram("credit-medical-test-worker")

    func testAMissingFileIsNamedAndNotCreated() throws {
        let path = path("missing.sqlite")
        let result = try tool.run(["audit", "--database", path])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("sqlite.file_not_found"), result.output)
        XCTAssertTrue(result.output.contains(path), result.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testAnOlderSchemaIsRefusedAndNotMigrated() throws {
        let path = path("old.sqlite")
        XCTAssertEqual(try tool.run(["demo", "--database", path]).status, 0)
        XCTAssertEqual(try worker.run(["sql", path, "PRAGMA user_version = 3"]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try tool.run(["audit", "--database", path])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("sqlite.needs_migration"), result.output)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "not migrated, not written")
    }

    func testJSONIsOneDocumentWithEveryFinding() throws {
        let path = path("demo.sqlite")
        XCTAssertEqual(try tool.run(["demo", "--database", path]).status, 0)
        let result = try runApart(["audit", "--database", path, "--json"])
        XCTAssertEqual(result.status, 0, result.both)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any], result.both)
        XCTAssertEqual(object["clean"] as? Bool, true)
        XCTAssertEqual(object["database"] as? String, path)
        let ledger = try XCTUnwrap(object["ledger"] as? [String: Any])
        XCTAssertEqual(ledger["entries_checked"] as? Int, 36)
        XCTAssertEqual((ledger["violations"] as? [Any])?.count, 0)
        let desk = try XCTUnwrap(object["desk"] as? [String: Any])
        XCTAssertEqual(desk["encounters_checked"] as? Int, 5)
        XCTAssertEqual((desk["findings"] as? [Any])?.count, 0)
    }

    /// Audits while another process charges a visit as fast as it can: every audit answers from
    /// one moment, so each is clean (the audit used to give up with `audit.store_kept_changing`).
    func testAuditsWhileAnotherProcessWritesAreConsistent() throws {
        let path = path("busy.sqlite")
        XCTAssertEqual(try tool.run(["demo", "--database", path]).status, 0)
        // The demo's first patient's line has room for the worker's charges.
        let writer = try worker.start(["charge", path, "MZ-BUSY", "patient-000001", "W", "400"])
        defer { if writer.isRunning { writer.terminate() } }
        var audits = 0
        while writer.isRunning && audits < 40 {
            let result = try tool.run(["audit", "--database", path])
            XCTAssertEqual(result.status, 0, result.output)
            audits += 1
        }
        writer.waitUntilExit()
        XCTAssertEqual(writer.terminationStatus, 0)
        XCTAssertGreaterThan(audits, 1, "audited while the writer worked")
        XCTAssertEqual(try tool.run(["audit", "--database", path]).status, 0)
    }
}
