import CreditMedicalTesting
import Foundation
import XCTest

/// Runs the built `credit-medical` binary as a user would.
final class CommandLineTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("credit-medical-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    func testDemoRunsTwiceOnOneDatabaseWithACleanAudit() throws {
        let database = directory.appendingPathComponent("demo.sqlite").path
        let first = try run(["demo", "--database", database])
        XCTAssertEqual(first.status, 0, first.output)
        XCTAssertTrue(first.output.contains("patient-000001"), first.output)
        XCTAssertTrue(first.output.contains("patient-000002"), first.output)
        XCTAssertTrue(first.output.contains("Auditor: clean, 14 journal entries"), first.output)
        let second = try run(["demo", "--database", database])
        XCTAssertEqual(second.status, 0, second.output)
        XCTAssertTrue(second.output.contains("patient-000003"), second.output)
        XCTAssertTrue(second.output.contains("Auditor: clean, 28 journal entries"), second.output)
    }

    func testDemoUsesTheDefaultDatabaseInTheWorkingDirectory() throws {
        let result = try run(["demo"])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("credit-medical.sqlite").path))
    }

    /// Kills the demo at random moments, mid-transaction among them; every run leaves the file
    /// consistent and the next run works. The seed draws the waits before each kill.
    func testKillingTheDemoAtAnyMomentLeavesAConsistentLedger() throws {
        let database = directory.appendingPathComponent("crash.sqlite").path
        let seed = try TestSeed(fixed: 25)
        var generator = seed.generator()
        for _ in 0..<25 {
            let process = try start(["demo", "--database", database])
            usleep(UInt32(generator.next(below: 40_001)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        // The ledger is consistent; the desk may hold checkouts a kill interrupted, which the
        // audit lists (exit 1) until a desk resumes them.
        let audit = try run(["audit", "--database", database])
        XCTAssertTrue([0, 1].contains(audit.status), "\(seed): \(audit.output)")
        XCTAssertTrue(audit.output.contains("holds checked\nclean\n"), "\(seed): \(audit.output)")
        let demo = try run(["demo", "--database", database])
        XCTAssertEqual(demo.status, 0, "\(seed): \(demo.output)")
        XCTAssertTrue(demo.output.contains("Auditor: clean"), "\(seed): \(demo.output)")
    }

    /// Several processes on one database file at once: each either works or fails with a clear
    /// error, and the ledger stays consistent.
    func testDemosInSeveralProcessesAtOnceShareOneDatabase() throws {
        let database = directory.appendingPathComponent("shared.sqlite").path
        XCTAssertEqual(try run(["demo", "--database", database]).status, 0)
        let pipes = (0..<4).map { _ in Pipe() }
        let processes = try pipes.map { try start(["demo", "--database", database], output: $0) }
        for (process, pipe) in zip(processes, pipes) {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, output)
            XCTAssertTrue(output.contains("Auditor: clean"), output)
        }
        let audit = try run(["audit", "--database", database])
        XCTAssertEqual(audit.status, 0, audit.output)
    }

    func testAuditReportsAFreshLedgerClean() throws {
        let database = directory.appendingPathComponent("audit.sqlite").path
        XCTAssertEqual(try run(["demo", "--database", database]).status, 0)
        let audit = try run(["audit", "--database", database])
        XCTAssertEqual(audit.status, 0, audit.output)
        XCTAssertTrue(audit.output.contains("14 journal entries, 2 lines, 2 holds checked\nclean"), audit.output)
    }

    func testCopyMakesAnEqualLedgerAndRefusesATargetThatIsNotEmpty() throws {
        let source = directory.appendingPathComponent("source.sqlite").path
        let target = directory.appendingPathComponent("target.sqlite").path
        XCTAssertEqual(try run(["demo", "--database", source]).status, 0)
        let copy = try run(["copy", "--from", source, "--to", target])
        XCTAssertEqual(copy.status, 0, copy.output)
        XCTAssertTrue(copy.output.contains("copied 14 journal entries; lines and holds equal the source"), copy.output)
        XCTAssertTrue(copy.output.contains("audit of the copy: clean"), copy.output)
        XCTAssertTrue(copy.output.contains("copied 2 encounters (21 charge items, 2 refunds, 2 settlement records, 0 notifications"), copy.output)
        XCTAssertTrue(copy.output.contains("each equals the source"), copy.output)
        let again = try run(["copy", "--from", source, "--to", target])
        XCTAssertEqual(again.status, 1, again.output)
        XCTAssertTrue(again.output.contains("not empty"), again.output)
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
        XCTAssertTrue(result.output.contains("error: sqlite"), result.output)
        XCTAssertEqual(try String(contentsOf: path, encoding: .utf8), "not a database")
    }

    func testHelpListsTheCommands() throws {
        let result = try run(["help"])
        XCTAssertEqual(result.status, 0)
        for command in ["credit-medical demo [--database PATH|postgres://URL]", "credit-medical audit", "credit-medical copy",
                        "credit-medical bench ledger", "credit-medical bench billing"] {
            XCTAssertTrue(result.output.contains(command), command)
        }
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let pipe = Pipe()
        let process = try start(arguments, output: pipe)
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    private func start(_ arguments: [String], output: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The tool, built into the same products directory as the tests.
    private static let binary: URL = {
        var products = Bundle(for: CommandLineTests.self).bundleURL
        if products.pathExtension == "xctest" { products.deleteLastPathComponent() }
        return products.appendingPathComponent("credit-medical")
    }()
}
