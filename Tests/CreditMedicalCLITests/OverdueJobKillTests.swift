import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTestSupport
import CreditMedicalTesting
import Foundation
import XCTest

/// An overdue job killed with SIGKILL in the middle of its pages loses and doubles nothing: run
/// again, it finishes, and the receivables, their collection events and the ledger end exactly
/// as one uninterrupted run leaves them.
final class OverdueJobKillTests: CommandLineTestCase {
    private let worker = BuiltProgram("credit-medical-test-worker")

    func testAKilledRunFinishesAsAnUninterruptedOne() async throws {
        let database = path("collect.sqlite")
        let count = 4_000
        let first = try worker.start(["collect", database, "\(count)"])
        let deadline = Date().addingTimeInterval(120)
        // Kill it once the job has taken some pages, wherever in a page it is.
        var seen = 0
        while first.isRunning, Date() < deadline {
            if let store = try? SQLiteDatabase(path: database).receivableStore,
               let all = try? store.receivables(after: nil, limit: .max), all.count == count {
                seen = all.filter { $0.collection.stepsDone > 0 }.count
                if seen > 600 { break }
            }
            usleep(10_000)
        }
        XCTAssertTrue(first.isRunning, "killed before it finished (\(seen) receivables had steps)")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        XCTAssertEqual(first.terminationReason, .uncaughtSignal)

        let again = try worker.run(["collect", database, "\(count)"])
        XCTAssertEqual(again.status, 0, again.output)

        let reference = InMemoryDatabase()
        let report = try await CollectionRun.run(on: reference, count: count)
        XCTAssertGreaterThan(report.taken[.suspend] ?? 0, 0)
        let killed = try SQLiteDatabase(path: database)
        let expected = try reference.receivableStore.receivables(after: nil, limit: .max)
        let found = try killed.receivableStore.receivables(after: nil, limit: .max)
        XCTAssertEqual(found.count, count)
        XCTAssertTrue(found == expected, "every receivable and its collection progress as in one run")
        for receivable in stride(from: 0, to: count, by: 37).map({ expected[$0] }) {
            XCTAssertEqual(try killed.receivableStore.collectionEvents(of: receivable.hold),
                           try reference.receivableStore.collectionEvents(of: receivable.hold), "the events of \(receivable.hold), each once")
        }
        let audit = try LedgerAuditor(store: killed.ledgerStore).audit()
        XCTAssertTrue(audit.isClean, "\(audit)")
        XCTAssertEqual(audit.entriesChecked, try LedgerAuditor(store: reference.ledgerStore).audit().entriesChecked,
                       "each restriction journaled once")
    }
}
