@testable import CreditMedicalCore
import XCTest

/// A batch runs once as all-new, and a second time with its keys loaded only when a key was
/// recorded before.
final class OptimisticBatchTests: XCTestCase {
    private struct Duplicate: Error {}
    private let now = Timestamp(millisecondsSince1970: 1)

    func testARunAsAllNewIsRunAgainWithTheKeysLoadedWhenTheJournalHasAKey() throws {
        var runs: [Bool] = []
        let answer = try OptimisticBatch.run { run -> String in
            runs.append(run.loadsKeys)
            return try run.persist({ if !run.loadsKeys { throw Duplicate() }; return "stored" }, isDuplicateKey: { $0 is Duplicate })
        }
        XCTAssertEqual(answer, "stored")
        XCTAssertEqual(runs, [false, true])
        XCTAssertThrowsError(try OptimisticBatch.run { run in
            try run.persist({ throw Duplicate() }, isDuplicateKey: { $0 is Duplicate })
        }, "the second run, with the keys loaded, does not start again")
    }

    func testOnlyARejectedCommandsKeyIsLookedUp() throws {
        let requests = [LedgerRequest(key: "open", command: .openLine("L1", limit: Money(fen: 10))),
                        LedgerRequest(key: "again", command: .openLine("L1", limit: Money(fen: 10)))]
        let keys = LedgerStateKeys(for: requests)
        var state = LedgerState()
        _ = LedgerStateMachine.apply(requests, to: &state, at: now)
        var asked: [Set<IdempotencyKey>] = []
        var runs: [Bool] = []
        try OptimisticBatch.run { run in
            runs.append(run.loadsKeys)
            XCTAssertEqual(run.keysToLoad(keys), run.loadsKeys ? keys.keys : [])
            try run.checkRejected(keys, in: state) { rejected in
                asked.append(rejected)
                return true
            }
        }
        XCTAssertEqual(asked, [["again"]], "the rejected command's key, once")
        XCTAssertEqual(runs, [false, true])
    }
}
