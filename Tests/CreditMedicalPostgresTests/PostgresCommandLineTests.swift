import Foundation
import XCTest

/// The `credit-medical` binary with `--database postgres://…`: the demo twice, the audit, and a
/// copy of a SQLite file (ledger and desk) into PostgreSQL.
final class PostgresCommandLineTests: XCTestCase {
    func testDemoAuditAndCopyTakeAPostgreSQLURL() throws {
        let server = try PostgresTestServer.require()
        let url = try server.makeDatabase()
        XCTAssertTrue(try run(["demo", "--database", url]).contains("Auditor: clean, 14 journal entries"))
        XCTAssertTrue(try run(["demo", "--database", url]).contains("Auditor: clean, 28 journal entries"))
        XCTAssertTrue(try run(["audit", "--database", url]).contains("28 journal entries, 4 lines, 4 holds checked\nclean"))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cm-cli-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        XCTAssertTrue(try run(["demo", "--database", file]).contains("Auditor: clean, 14 journal entries"))
        let copy = try run(["copy", "--from", file, "--to", try server.makeDatabase()])
        XCTAssertTrue(copy.contains("copied 14 journal entries; lines and holds equal the source"), copy)
        XCTAssertTrue(copy.contains("copied 2 encounters (21 charge items, 2 refunds, 2 settlement records, 0 notifications"), copy)
    }

    /// Runs the binary built next to this test bundle; its output, after checking it exits 0.
    private func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var products = Bundle(for: Self.self).bundleURL
        if products.pathExtension == "xctest" { products.deleteLastPathComponent() }
        let process = Process()
        process.executableURL = products.appendingPathComponent("credit-medical")
        process.arguments = arguments
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(arguments): \(output)", file: file, line: line)
        return output
    }
}
