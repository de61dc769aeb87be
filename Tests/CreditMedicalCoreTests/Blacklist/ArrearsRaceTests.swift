import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import Synchronization
import XCTest

/// Two processes deciding one appeal at once: the decision recorded first counts, and the other
/// is told so (`blacklist.request_conflict`) instead of being answered as if it had counted.
final class ArrearsRaceTests: XCTestCase {
    /// A store where another process records `first` just before this process's next append.
    final class RacingStore: ArrearsStore {
        let inner = InMemoryArrearsStore()
        let first = Mutex<ArrearsEvent?>(nil)

        func append(_ events: [ArrearsEvent], pushes: [RegistryPush]) throws -> Set<ArrearsEntryID> {
            if let other = first.withLock({ first in defer { first = nil }; return first }) { try inner.append([other], pushes: []) }
            return try inner.append(events, pushes: pushes)
        }

        func events(of entry: ArrearsEntryID) throws -> [ArrearsEvent] { try inner.events(of: entry) }
        func entries(ofPatient patient: String) throws -> [ArrearsEntryID] { try inner.entries(ofPatient: patient) }
        func entries(ofSubject subject: ArrearsSubject) throws -> [ArrearsEntryID] { try inner.entries(ofSubject: subject) }
        func entries(onLine line: CreditLineID) throws -> [ArrearsEntryID] { try inner.entries(onLine: line) }
        func page(after: Int64, limit: Int) throws -> HistoryPage<ArrearsEvent> { try inner.page(after: after, limit: limit) }
        func pendingPushes(limit: Int) throws -> [RegistryOutboxItem] { try inner.pendingPushes(limit: limit) }
        func recordAttempts(_ attempts: [RegistryPushAttempt]) throws { try inner.recordAttempts(attempts) }
    }

    func testADecisionAnotherProcessRecordedFirstCountsAndTheLaterOneIsAConflict() async throws {
        let clock = ManualClock(ArrearsFixture.start)
        let ledger = Ledger(store: InMemoryLedgerStore(), clock: clock)
        let store = RacingStore()
        let notices = FakeNotificationSender()
        let list = ArrearsList(configuration: .init(coolingDays: 0), ledger: ledger, store: store, registry: FakePublicCreditRegistry(),
                               notices: notices)
        try await ledger.execute(.openLine("L-1", limit: Money(fen: 100_000)), key: "open")
        try await list.list(ArrearsFixture().listing("E-1"))
        try list.appeal(ArrearsAppeal(id: "A-1", submittedBy: "P-1", statement: ""), against: "E-1")
        try list.startReview(of: "A-1", on: "E-1", reviewer: "staff-1")

        let upheld = ArrearsDecision(appeal: "A-1", reviewer: "staff-2", outcome: .upheld, reason: .init(chinese: "驳回", english: "upheld"))
        store.first.withLock { $0 = ArrearsEvent(entry: "E-1", at: clock.now(), change: .decided(upheld)) }
        let revoked = ArrearsDecision(appeal: "A-1", reviewer: "staff-1", outcome: .revoked, reason: .init(chinese: "撤销", english: "revoked"))
        await assertThrows(ArrearsError.Code.requestConflict) { try await list.decide(revoked, on: "E-1") }
        XCTAssertEqual(try list.entry("E-1")?.state, .upheld, "the first decision counts")
        XCTAssertEqual(try ledger.line("L-1")?.status, .frozen)
        XCTAssertEqual(try store.pendingPushes(limit: 10).map(\.push.id), ["hospital-a/E-1/list"], "no lifting queued")
        XCTAssertEqual(notices.delivered.map(\.id), ["arrears/E-1/listed"], "the patient is not told of a decision that did not count")
    }
}
