import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import Synchronization
import XCTest

final class InMemoryArrearsStoreConformanceTests: ArrearsStoreConformance {
    override func makeStore() throws -> any ArrearsStore { InMemoryArrearsStore() }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}

/// The arrears suite fails a store that lets a step appended again replace the first one: a
/// second process's late decision could then rewrite an entry's history, a revoked entry read as
/// upheld, and the registry be told of a lifting that did not count.
final class OverwritingArrearsStoreTests: ArrearsStoreConformance {
    final class OverwritingStore: ArrearsStore {
        let events = Mutex<[ArrearsEvent]>([])
        let outbox = InMemoryArrearsStore()

        func append(_ batch: [ArrearsEvent], pushes: [RegistryPush]) throws -> Set<ArrearsEntryID> {
            events.withLock { events in
                for event in batch {
                    events.removeAll { $0.entry == event.entry && $0.change.name == event.change.name }
                    events.append(event)
                }
            }
            try outbox.append([], pushes: pushes)
            return []
        }

        func events(of entry: ArrearsEntryID) throws -> [ArrearsEvent] { events.withLock { $0.filter { $0.entry == entry } } }

        func entries(ofPatient patient: String) throws -> [ArrearsEntryID] { listed { $0.patient == patient } }
        func entries(ofSubject subject: ArrearsSubject) throws -> [ArrearsEntryID] { listed { $0.subject == subject } }
        func entries(onLine line: CreditLineID) throws -> [ArrearsEntryID] { listed { $0.line == line } }

        func page(after: Int64, limit: Int) throws -> HistoryPage<ArrearsEvent> {
            events.withLock { HistoryPage(slicing: $0, after: after, limit: limit) }
        }

        func pendingPushes(limit: Int) throws -> [RegistryOutboxItem] { try outbox.pendingPushes(limit: limit) }
        func recordAttempts(_ attempts: [RegistryPushAttempt]) throws { try outbox.recordAttempts(attempts) }

        private func listed(_ matches: (ArrearsListing) -> Bool) -> [ArrearsEntryID] {
            events.withLock { $0.compactMap { if case .listed(let listing) = $0.change, matches(listing) { listing.entry } else { nil } } }
        }
    }

    override func makeStore() throws -> any ArrearsStore { OverwritingStore() }

    func testTheSuiteFailsAStoreThatOverwritesHistory() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["aStepIsRecordedOnce", "pagesListEveryStepInTheOrderRecorded", "aPushIsQueuedOnceInOrder"],
                       "\(report)")
    }
}
