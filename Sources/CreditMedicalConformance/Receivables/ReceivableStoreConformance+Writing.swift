import CreditMedicalCore
import Foundation
import Synchronization
import XCTest

/// The scenarios of the two writers: the book's advance (a compare-and-set on the journal
/// position) and the overdue job's collection, neither overwriting the other's fields.
extension ReceivableStoreConformance {
    static func anAdvanceSavesAndMovesThePosition(_ s: Subject) async throws {
        let name = "anAdvanceSavesAndMovesThePosition"
        XCTAssertEqual(try s.store.position(), 0, "[\(name)] a new store reflects no journal entry")
        XCTAssertEqual(try all(s.store), [], "[\(name)] a new store has no receivable")
        let first = [receivable("H-1"), receivable("H-2", line: "L-2", captured: 1, principal: 500)]
        try s.store.advance(from: 0, to: 7, saving: first)
        XCTAssertEqual(try s.store.position(), 7, "[\(name)] the position moved")
        XCTAssertEqual(byHold(try s.store.receivables(of: ["H-1", "H-2", "H-9"])), first, "[\(name)] saved, read back by hold")
        let repaid = receivable("H-1", repaid: 10_000)
        try s.store.advance(from: 7, to: 12, saving: [repaid])
        XCTAssertEqual(try s.store.position(), 12, "[\(name)] the position moved again")
        XCTAssertEqual(try s.store.receivables(of: ["H-1"]), [repaid], "[\(name)] a later advance updates what the journal says")
        try s.store.advance(from: 12, to: 15, saving: [])
        XCTAssertEqual(try s.store.position(), 15, "[\(name)] an advance that saves nothing still moves the position")
        XCTAssertEqual(try all(s.store), [repaid, first[1]], "[\(name)] nothing else was saved")
    }

    static func aStaleAdvanceSavesNothing(_ s: Subject) async throws {
        let name = "aStaleAdvanceSavesNothing"
        let saved = receivable("H-1")
        try s.store.advance(from: 0, to: 5, saving: [saved])
        await expectThrows(ReceivableError.Code.positionMoved, "\(name) from a position passed") {
            try s.store.advance(from: 0, to: 9, saving: [receivable("H-1", repaid: 4_000), receivable("H-2")])
        }
        await expectThrows(ReceivableError.Code.positionMoved, "\(name) from a position not reached") {
            try s.store.advance(from: 6, to: 9, saving: [receivable("H-3")])
        }
        XCTAssertEqual(try s.store.position(), 5, "[\(name)] the position stays")
        XCTAssertEqual(try all(s.store), [saved], "[\(name)] nothing of a refused advance was saved")
    }

    static func anAdvanceKeepsTheCollection(_ s: Subject) async throws {
        let name = "anAdvanceKeepsTheCollection"
        try s.store.advance(from: 0, to: 1, saving: [receivable("H-1"), receivable("H-2")])
        let progress = CollectionProgress(stepsDone: 2, reviewAt: day(40), restricted: true)
        try s.store.saveCollection([receivable("H-1", collection: progress)], events: [])
        let new = receivable("H-3", collection: CollectionProgress(stepsDone: 1, reviewAt: nil, restricted: true))
        try s.store.advance(from: 1, to: 2, saving: [receivable("H-1", repaid: 3_000), new])
        XCTAssertEqual(try s.store.receivables(of: ["H-1"]), [receivable("H-1", repaid: 3_000, collection: progress)],
                       "[\(name)] the journal fields are updated, the collection stays")
        XCTAssertEqual(try s.store.receivables(of: ["H-3"]), [new], "[\(name)] a new receivable is saved with the collection it has")
        XCTAssertEqual(try s.store.receivables(of: ["H-2"]), [receivable("H-2")], "[\(name)] one not saved again is untouched")
    }

    static func savingTheCollectionKeepsTheJournalFields(_ s: Subject) async throws {
        let name = "savingTheCollectionKeepsTheJournalFields"
        let stored = receivable("H-1", principal: 10_000, repaid: 2_000)
        try s.store.advance(from: 0, to: 1, saving: [stored])
        let progress = CollectionProgress(stepsDone: 3, reviewAt: day(30), restricted: true)
        // A copy the overdue job read before a repayment was folded: every journal field differs.
        let stale = Receivable(hold: "H-1", line: "L-9", capturedAt: day(-3), dueAt: day(1), graceEndsAt: day(2), principal: Money(fen: 1),
                               repaid: Money(fen: 1), paidOffAt: day(2), collection: progress)
        try s.store.saveCollection([stale, receivable("H-404", collection: progress)], events: [])
        XCTAssertEqual(try all(s.store), [receivable("H-1", principal: 10_000, repaid: 2_000, collection: progress)],
                       "[\(name)] only the collection changed, and a receivable the store does not have is not created")
        XCTAssertEqual(try s.store.position(), 1, "[\(name)] the position stays")
    }

    static func eventsAreAppendedOnceInOrder(_ s: Subject) async throws {
        let name = "eventsAreAppendedOnceInOrder"
        let first = event("collection/H-1/reminder", hold: "H-1", step: "还款提醒", action: .reminder, daysPastDue: -3, on: 7)
        let other = event("collection/H-2/sms", hold: "H-2", outcome: .passedOver)
        let cut = event("collection/H-1/cut", hold: "H-1", step: "降额", action: .cutLimit, outcome: .alreadyRestricted, daysPastDue: 30, on: 40)
        let listed = event("collection/H-1/list", hold: "H-1", step: "欠费名单", action: .arrearsList, outcome: .notConfigured, daysPastDue: 90)
        let lift = event("collection/H-1/lift", hold: "H-1", step: "lift", action: nil, outcome: .lifted, daysPastDue: 95, owed: 0, on: 105)
        try s.store.saveCollection([], events: [first, other])
        let rewritten = event("collection/H-1/reminder", hold: "H-1", step: "changed", action: .freeze, outcome: .lifted, daysPastDue: 1)
        try s.store.saveCollection([], events: [cut, rewritten, listed])
        let relifted = event("collection/H-1/lift", hold: "H-1", step: "again", action: .suspend, outcome: .taken, on: 106)
        try s.store.saveCollection([], events: [lift, relifted])
        XCTAssertEqual(try s.store.collectionEvents(of: "H-1"), [first, cut, listed, lift],
                       "[\(name)] in the order recorded; an id recorded before, also in the same call, keeps the first event")
        XCTAssertEqual(try s.store.collectionEvents(of: "H-2"), [other], "[\(name)] by hold")
        XCTAssertEqual(try s.store.collectionEvents(of: "H-9"), [], "[\(name)] a hold without events")
    }

    static func writeOffsAreKeptOnceAndCountAsPaid(_ s: Subject) async throws {
        let name = "writeOffsAreKeptOnceAndCountAsPaid"
        let written = Receivable(hold: "H-1", line: "L-1", capturedAt: day(0), dueAt: day(10), graceEndsAt: day(13), principal: Money(fen: 10_000),
                                 repaid: Money(fen: 4_000), writtenOff: Money(fen: 6_000), paidOffAt: day(200),
                                 collection: CollectionProgress(stepsDone: 3, reviewAt: day(20)))
        let partly = Receivable(hold: "H-2", line: "L-1", capturedAt: day(1), dueAt: day(11), graceEndsAt: day(14), principal: Money(fen: 10_000),
                                writtenOff: Money(fen: 9_999), collection: CollectionProgress(reviewAt: day(20)))
        try s.store.advance(from: 0, to: 1, saving: [written, partly])
        XCTAssertEqual(try s.store.receivables(on: "L-1"), [written, partly], "[\(name)] what was written off reads back")
        XCTAssertEqual(try s.store.openReceivables(on: ["L-1"]).map(\.hold), ["H-2"], "[\(name)] written off in full owes nothing")
        XCTAssertEqual(try s.store.needingCollection(at: day(30), after: nil, limit: 10).map(\.hold), ["H-2"],
                       "[\(name)] one written off in full is not up for review")
        func record(_ hold: HoldID, _ amount: Int64, on day: Int64) -> WriteOffRecord {
            WriteOffRecord(hold: hold, line: "L-1", amount: Money(fen: amount), insuranceClaim: Money(fen: amount * 7 / 10),
                           subsidy: Money(fen: amount / 5), bankLoss: Money(fen: amount - amount * 7 / 10 - amount / 5), daysPastDue: 180,
                           policy: "坏账@1", at: Self.day(day))
        }
        let first = record("H-1", 6_000, on: 200)
        try s.store.recordWriteOffs([first, record("H-3", 10, on: 201)])
        try s.store.recordWriteOffs([record("H-1", 1, on: 202), record("H-2", 9_999, on: 203)])
        var all: [WriteOffRecord] = []
        var after: Int64 = 0
        while true {
            let page = try s.store.writeOffs(after: after, limit: 2)
            all += page.records
            guard let last = page.last else { break }
            XCTAssertGreaterThan(last, after, "[\(name)] pages move on")
            after = last
        }
        XCTAssertEqual(all, [first, record("H-3", 10, on: 201), record("H-2", 9_999, on: 203)],
                       "[\(name)] in the order recorded, a receivable's first write-off kept as it was")
    }

    static func concurrentAdvancesHaveOneWinnerEach(_ s: Subject) async throws {
        let name = "concurrentAdvancesHaveOneWinnerEach"
        let stores = try [s.store] + (s.reopened().map { [$0] } ?? [])
        let (threads, positions) = (8, 24)
        let (wins, failures) = race(stores, threads: threads, positions: positions)
        XCTAssertEqual(failures, [], "[\(name)] a lost race throws positionMoved and nothing else")
        XCTAssertEqual(wins.map(\.position), Array(0..<Int64(positions)), "[\(name)] exactly one advance won each position")
        XCTAssertEqual(try s.store.position(), Int64(positions), "[\(name)] the position")
        let expected = wins.flatMap { contended(at: $0.position, by: $0.thread) }
        XCTAssertEqual(try all(s.store), byHold(expected), "[\(name)] only the winners saved anything")
    }

    /// What a contender for `position` saves: the position's receivable, each contender's with its
    /// own line, and one of its own.
    private static func contended(at position: Int64, by thread: Int) -> [Receivable] {
        [receivable(HoldID("race-\(position)"), line: CreditLineID("T-\(thread)")), receivable(HoldID("won-\(position)-\(thread)"))]
    }

    /// `threads` threads, spread over `stores`, all advance from each position in turn; returns
    /// who won each, by position, and any error other than a lost race.
    private static func race(_ stores: [any ReceivableStore], threads: Int,
                             positions: Int) -> (wins: [(position: Int64, thread: Int)], failures: [String]) {
        let outcomes = Mutex((wins: [(position: Int64, thread: Int)](), failures: [String]()))
        ThreadRace.run(threads: threads, rounds: positions) { round, thread in
            let position = Int64(round)
            do {
                try stores[thread % stores.count].advance(from: position, to: position + 1, saving: contended(at: position, by: thread))
                outcomes.withLock { $0.wins.append((position, thread)) }
            } catch ReceivableError.Code.positionMoved {
                return
            } catch {
                outcomes.withLock { $0.failures.append("thread \(thread), position \(position): \(error)") }
            }
        }
        return outcomes.withLock { ($0.wins.sorted { $0.position < $1.position }, $0.failures) }
    }

    static func everythingSurvivesReopening(_ s: Subject) async throws {
        let name = "everythingSurvivesReopening"
        let progress = CollectionProgress(stepsDone: 1, reviewAt: day(20), restricted: false)
        try s.store.advance(from: 0, to: 4, saving: [receivable("H-1"), receivable("线-2", line: "线路", repaid: 10_000)])
        try s.store.saveCollection([receivable("H-1", collection: progress)], events: [event("collection/H-1/sms", hold: "H-1")])
        guard let reopened = try s.reopened() else { return }
        XCTAssertEqual(try reopened.position(), 4, "[\(name)] the position")
        XCTAssertEqual(try all(reopened), [receivable("H-1", collection: progress), receivable("线-2", line: "线路", repaid: 10_000)],
                       "[\(name)] the receivables")
        XCTAssertEqual(try reopened.collectionEvents(of: "H-1"), [event("collection/H-1/sms", hold: "H-1")], "[\(name)] the events")
    }
}
