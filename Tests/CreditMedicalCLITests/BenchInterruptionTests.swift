import CreditMedicalTestSupport
import Foundation
import XCTest

/// `bench` keeps its scratch files in a directory of its own under `TMPDIR` and removes it, also
/// when it is interrupted: Ctrl-C (SIGINT) or SIGTERM, with the exit status a shell reports.
final class BenchInterruptionTests: CommandLineTestCase {
    func testCtrlCRemovesTheScratchFilesAndExitsWith130() throws {
        try interrupt(["bench", "ledger", "--commands", "200000"], with: SIGINT, expecting: 130)
    }

    func testSIGTERMRemovesTheScratchFilesAndExitsWith143() throws {
        try interrupt(["bench", "billing"], with: SIGTERM, expecting: 143)
    }

    /// Starts the benchmark with `TMPDIR` set to an empty directory, waits until a database is
    /// in its scratch directory, sends `signal` and checks how the benchmark ended and that the
    /// temporary directory is empty again.
    private func interrupt(_ arguments: [String], with signal: Int32, expecting status: Int32) throws {
        let temporary = directory.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let process = try tool.start(arguments, in: directory, environment: ["TMPDIR": temporary.path])
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        let deadline = Date().addingTimeInterval(60)
        var scratch: String?
        while scratch == nil, process.isRunning, Date() < deadline {
            scratch = try contents(of: temporary.path).first { entry in
                entry.hasPrefix("credit-medical-bench-")
                    && ((try? contents(of: temporary.appendingPathComponent(entry).path)) ?? []).contains { $0.hasSuffix(".sqlite") }
            }
            if scratch == nil { usleep(10_000) }
        }
        XCTAssertNotNil(scratch, "the benchmark made its scratch directory under TMPDIR")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, "the benchmark exits by itself")
        XCTAssertEqual(process.terminationStatus, status)
        XCTAssertEqual(try contents(of: temporary.path), [], "the scratch directory is gone")
    }

    private func contents(of path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path)
    }
}
