import CreditMedicalCore
import CreditMedicalTesting
import CreditMedicalTestSupport
import Foundation
import XCTest

/// Runs the built `credit-medical` binary as a user would.
final class CommandLineTests: CommandLineTestCase {
    func testDemoRunsTwiceOnOneDatabaseWithACleanAudit() throws {
        let database = path("demo.sqlite")
        let first = try run(["demo", "--database", database])
        XCTAssertEqual(first.status, 0, first.output)
        XCTAssertTrue(first.output.contains("patient-000001"), first.output)
        XCTAssertTrue(first.output.contains("patient-000002"), first.output)
        XCTAssertTrue(first.output.contains("patient-000004"), first.output)
        XCTAssertTrue(first.output.contains("Auditor: clean, 36 journal entries"), first.output)
        let second = try run(["demo", "--database", database])
        XCTAssertEqual(second.status, 0, second.output)
        XCTAssertTrue(second.output.contains("patient-000005"), second.output)
        XCTAssertTrue(second.output.contains("Auditor: clean, 72 journal entries"), second.output)
    }

    func testDemoUsesTheDefaultDatabaseInTheWorkingDirectory() throws {
        let result = try run(["demo"])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("credit-medical.sqlite")))
    }

    /// Kills the demo at random moments, mid-transaction among them; every run leaves the file
    /// consistent and the next run works. The seed draws the waits before each kill.
    func testKillingTheDemoAtAnyMomentLeavesAConsistentLedger() throws {
        let database = path("crash.sqlite")
        let seed = try TestSeed(fixed: 25)
        var generator = seed.generator()
        for _ in 0..<25 {
            let process = try tool.start(["demo", "--database", database], in: directory)
            usleep(UInt32(generator.next(below: 40_001)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        // The ledger is consistent; the desk may hold checkouts a kill interrupted, which the
        // audit lists (exit 1) until a desk resumes them. On a slow machine every kill may come
        // before the first run created the tables: the audit then says so, and changes nothing.
        let audit = try run(["audit", "--database", database])
        XCTAssertTrue([0, 1].contains(audit.status), "\(seed): \(audit.output)")
        if !audit.output.contains("sqlite.needs_migration") {
            XCTAssertTrue(audit.output.contains("holds checked\nclean\n"), "\(seed): \(audit.output)")
        }
        let demo = try run(["demo", "--database", database])
        XCTAssertEqual(demo.status, 0, "\(seed): \(demo.output)")
        XCTAssertTrue(demo.output.contains("Auditor: clean"), "\(seed): \(demo.output)")
    }

    /// Several processes on one database file at once: each one resumes what the others may have
    /// left, enrolls patients of its own and settles its visits; none fails, and no checkout is
    /// left unfinished.
    func testDemosInSeveralProcessesAtOnceShareOneDatabase() throws {
        let database = path("shared.sqlite")
        XCTAssertEqual(try run(["demo", "--database", database]).status, 0)
        let runs = try tool.runTogether(Array(repeating: ["demo", "--database", database], count: 4), in: directory)
        var patients: [Substring] = []
        for (status, output) in runs {
            XCTAssertEqual(status, 0, output)
            XCTAssertTrue(output.contains("Auditor: clean"), output)
            patients += output.split(separator: " ").filter { $0.hasPrefix("patient-") && $0.count == 14 }
        }
        XCTAssertEqual(Set(patients).count, 16, "four patients of their own for each of the four: \(Set(patients).sorted())")
        let audit = try run(["audit", "--database", database])
        XCTAssertEqual(audit.status, 0, audit.output)
        let checkouts = try runApart(["checkouts", "--database", database, "--json"])
        XCTAssertEqual((checkouts.json?["checkouts"] as? [Any])?.count, 0, checkouts.both)
    }

    func testAuditReportsAFreshLedgerClean() throws {
        let database = path("audit.sqlite")
        XCTAssertEqual(try run(["demo", "--database", database]).status, 0)
        let audit = try run(["audit", "--database", database])
        XCTAssertEqual(audit.status, 0, audit.output)
        XCTAssertTrue(audit.output.contains("36 journal entries, 4 lines, 5 holds checked\nclean"), audit.output)
    }

    func testCopyMakesAnEqualLedgerAndRefusesATargetThatIsNotEmpty() throws {
        let source = path("source.sqlite")
        let target = path("target.sqlite")
        XCTAssertEqual(try run(["demo", "--database", source]).status, 0)
        let copy = try run(["copy", "--from", source, "--to", target])
        XCTAssertEqual(copy.status, 0, copy.output)
        XCTAssertTrue(copy.output.contains("copied 36 journal entries; lines and holds equal the source"), copy.output)
        XCTAssertTrue(copy.output.contains("audit of the copy: clean"), copy.output)
        XCTAssertTrue(copy.output.contains("copied 5 encounters (24 charge items, 2 refunds, 5 settlement records, 0 notifications"), copy.output)
        XCTAssertTrue(copy.output.contains("each equals the source"), copy.output)
        XCTAssertTrue(copy.output.contains("copied 4 score records, 4 consent events and 16 enrollment steps; each equals the source"),
                      copy.output)
        XCTAssertTrue(copy.output.contains("copied 5 receivables (26 collection events, 0 write-offs) and 3 arrears list steps "
                                           + "(0 registry pushes still to send); each equals the source"), copy.output)
        let reports = try [source, target].map { try run(["report", "--database", $0, "--csv"]) }
        XCTAssertEqual(reports[0].output, reports[1].output, "the copy reports as the source")
        let again = try run(["copy", "--from", source, "--to", target])
        XCTAssertEqual(again.status, 1, again.output)
        XCTAssertTrue(again.output.contains("error: copy.target_not_empty: The target is not empty."), again.output)
    }

    func testBadArgumentsExitWithTwoAndSayWhy() throws {
        for (arguments, message) in [(["demo", "--bogus"], "unknown option --bogus"), (["demo", "--database"], "--database needs a value"),
                                     (["frob"], "unknown command frob"),
                                     (["bench", "ledger", "--commands", "-5"], "--commands needs a positive whole number")] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.output)")
            XCTAssertTrue(result.output.contains(message), "\(arguments): \(result.output)")
        }
    }

    func testAFileOfAnotherApplicationIsRefusedWithoutChangingIt() throws {
        let path = directory.appendingPathComponent("notes.txt")
        try Data("not a database".utf8).write(to: path)
        let result = try run(["demo", "--database", path.path])
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.output.hasPrefix("error: sqlite.call_failed: A SQLite call failed. (message=prepare: file is not a database, "
                                              + "result_code=26)"), result.output)
        XCTAssertEqual(try String(contentsOf: path, encoding: .utf8), "not a database")
    }

    func testHelpListsTheCommands() throws {
        let result = try run(["help"])
        XCTAssertEqual(result.status, 0)
        for command in ["credit-medical demo [--database PATH|postgres://URL]", "credit-medical audit", "credit-medical copy",
                        "credit-medical checkouts [--database PATH|postgres://URL] [--json]", "credit-medical checkouts retry ENCOUNTER",
                        "credit-medical checkouts cancel ENCOUNTER",
                        "credit-medical bench ledger", "credit-medical bench billing"] {
            XCTAssertTrue(result.output.contains(command), command)
        }
    }
}
