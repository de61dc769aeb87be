public import CreditMedicalCore
import XCTest

/// The conformance suite for a `ReceivableStore`: every MUST of the protocol's doc comment, one
/// scenario each or more. Subclass it, override ``StoreConformanceSuite/makeStore()`` (and
/// ``StoreConformanceSuite/reopen(_:)`` for a store that persists), and declare one test that
/// calls ``ConformanceSuite/runAll()`` and compares the count with ``allScenarios``, as for
/// `LedgerStoreConformance`.
///
/// `reopen(_:)` opens the same store again (another connection to its database) while the first
/// stays open: the race scenario advances through both.
///
/// Identifiers are compared and ordered by their UTF-8 bytes (`HoldID` is `Comparable` that
/// way): the scenarios use ids that differ only by Unicode normalization or by lookalike letters,
/// which a store comparing strings as text would confuse or misorder.
open class ReceivableStoreConformance: StoreConformanceSuite<any ReceivableStore> {
    public static let allScenarios: [ConformanceScenario<ReceivableStoreConformance.Subject>] = [
        .init("anAdvanceSavesAndMovesThePosition", anAdvanceSavesAndMovesThePosition),
        .init("aStaleAdvanceSavesNothing", aStaleAdvanceSavesNothing),
        .init("anAdvanceKeepsTheCollection", anAdvanceKeepsTheCollection),
        .init("savingTheCollectionKeepsTheJournalFields", savingTheCollectionKeepsTheJournalFields),
        .init("eventsAreAppendedOnceInOrder", eventsAreAppendedOnceInOrder),
        .init("writeOffsAreKeptOnceAndCountAsPaid", writeOffsAreKeptOnceAndCountAsPaid),
        .init("aLinesReceivablesComeOldestFirst", aLinesReceivablesComeOldestFirst),
        .init("idsAreComparedByTheirBytes", idsAreComparedByTheirBytes),
        .init("pagesFollowTheHolds", pagesFollowTheHolds),
        .init("needingCollectionIsWhatIsDueOrToLift", needingCollectionIsWhatIsDueOrToLift),
        .init("openReceivablesOweSomething", openReceivablesOweSomething),
        .init("moneyAndTimesAtTheExtremesRoundTrip", moneyAndTimesAtTheExtremesRoundTrip),
        .init("concurrentAdvancesHaveOneWinnerEach", concurrentAdvancesHaveOneWinnerEach),
        .init("everythingSurvivesReopening", everythingSurvivesReopening),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios)
    }

    /// Midnight (UTC) of day `day` of the scenarios' calendar, which starts on 2026-12-01.
    static func day(_ day: Int64) -> Timestamp {
        Timestamp(millisecondsSince1970: 1_795_996_800_000 + day * 86_400_000)
    }

    /// A receivable captured on day `captured`, due ten days later with three days' grace; paid
    /// off on day `captured + 5` when `repaid` reaches `principal`.
    static func receivable(_ hold: HoldID, line: CreditLineID = "L-1", captured: Int64 = 0, principal: Int64 = 10_000, repaid: Int64 = 0,
                           collection: CollectionProgress? = nil) -> Receivable {
        Receivable(hold: hold, line: line, capturedAt: day(captured), dueAt: day(captured + 10), graceEndsAt: day(captured + 13),
                   principal: Money(fen: principal), repaid: Money(fen: repaid), paidOffAt: repaid >= principal ? day(captured + 5) : nil,
                   collection: collection)
    }

    /// An event of the overdue job about `hold`.
    static func event(_ id: String, hold: HoldID, step: String = "短信提醒", action: CollectionAction? = .sms,
                      outcome: CollectionEvent.Outcome = .taken, daysPastDue: Int = 3, owed: Int64 = 10_000, on day: Int64 = 13) -> CollectionEvent {
        CollectionEvent(id: id, hold: hold, line: "L-1", step: step, action: action, outcome: outcome, daysPastDue: daysPastDue,
                        owed: Money(fen: owed), at: Self.day(day))
    }

    /// `receivables` in the order of their holds, for comparing answers in no particular order.
    static func byHold(_ receivables: [Receivable]) -> [Receivable] {
        receivables.sorted { $0.hold < $1.hold }
    }

    /// The UTF-8 bytes of each receivable's hold, to show what a failure read back.
    static func bytes(_ receivables: [Receivable]) -> [[UInt8]] {
        receivables.map { Array($0.hold.rawValue.utf8) }
    }

    /// Every receivable of the store, read through ``ReceivableStore/receivables(after:limit:)``.
    static func all(_ store: any ReceivableStore) throws -> [Receivable] {
        try store.receivables(after: nil, limit: .max)
    }

    /// Every receivable that `page` answers, read `size` at a time after the last hold read, until
    /// a page comes back short (or, for a store that never ends, after 50 pages).
    static func pages(of size: Int, _ page: (HoldID?, Int) throws -> [Receivable]) throws -> [Receivable] {
        var (read, after) = ([Receivable](), HoldID?.none)
        for _ in 0..<50 {
            let next = try page(after, size)
            XCTAssertLessThanOrEqual(next.count, size, "a page holds at most its limit")
            read += next
            guard next.count == size, let last = next.last else { break }
            after = last.hold
        }
        return read
    }
}
