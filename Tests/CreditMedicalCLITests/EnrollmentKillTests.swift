import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTestSupport
import Foundation
import XCTest

/// An enrolling process killed with SIGKILL in the middle of a batch loses and doubles nothing:
/// run again, it resumes every enrollment, and each line is opened once.
final class EnrollmentKillTests: CommandLineTestCase {
    private let worker = BuiltProgram("credit-medical-test-worker")

    func testAKilledBatchResumesAndOpensEveryLineOnce() throws {
        let database = path("enrollments.sqlite")
        let count = 3_000
        let first = try worker.start(["enroll", database, "\(count)", "200"])
        let deadline = Date().addingTimeInterval(120)
        // Kill it once it has recorded some steps, wherever in a batch it is.
        while first.isRunning, Date() < deadline {
            if let store = try? SQLiteDatabase(path: database).enrollmentStore, let page = try? store.page(after: 2_500, limit: 1),
               !page.records.isEmpty { break }
            usleep(20_000)
        }
        XCTAssertTrue(first.isRunning, "killed before it finished")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        XCTAssertEqual(first.terminationReason, .uncaughtSignal)

        let again = try worker.run(["enroll", database, "\(count)", "200"])
        XCTAssertEqual(again.status, 0, again.output)
        let reopened = try SQLiteDatabase(path: database)
        let audit = try LedgerAuditor(store: reopened.ledgerStore).audit()
        XCTAssertTrue(audit.isClean, "\(audit)")
        XCTAssertEqual(audit.linesChecked, count)
        XCTAssertEqual(audit.entriesChecked, count, "one openLine per enrollment")
        let steps = try reopened.enrollmentStore.page(after: 0, limit: .max).records
        XCTAssertEqual(steps.count, count * 4)
        for index in stride(from: 0, to: count, by: 97) {
            XCTAssertEqual(try reopened.enrollmentStore.steps(of: "E\(index)").map(\.event.name), ["requested", "checked", "granted", "opened"])
        }
        XCTAssertEqual(try reopened.scoreRecordStore.page(after: 0, limit: .max).records.count, count, "one score record each")
    }

    func testTwoProcessesEnrollingTheSameBatchesOpenEachLineOnce() throws {
        let database = path("together.sqlite")
        let count = 1_000
        _ = try SQLiteDatabase(path: database)
        let outputs = [Pipe(), Pipe()]
        let processes = try outputs.map { try worker.start(["enroll", database, "\(count)", "100"], output: $0) }
        for (process, output) in zip(processes, outputs) {
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, printed)
        }
        let reopened = try SQLiteDatabase(path: database)
        let audit = try LedgerAuditor(store: reopened.ledgerStore).audit()
        XCTAssertTrue(audit.isClean, "\(audit)")
        XCTAssertEqual(audit.entriesChecked, count, "each line opened once, the other process's open answered as a replay")
        XCTAssertEqual(try reopened.enrollmentStore.page(after: 0, limit: .max).records.count, count * 4)
        XCTAssertEqual(try reopened.scoreRecordStore.page(after: 0, limit: .max).records.count, count)
    }
}
