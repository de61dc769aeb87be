import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import Synchronization
import XCTest

final class InMemoryConsentStoreConformanceTests: ConsentStoreConformance {
    override func makeStore() throws -> any ConsentStore { InMemoryConsentStore() }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}

/// The consent suite fails a store that lets a retried event replace the first one.
final class OverwritingConsentStoreTests: ConsentStoreConformance {
    final class OverwritingStore: ConsentStore {
        let events = Mutex<[ConsentEvent]>([])

        func append(_ batch: [ConsentEvent]) throws {
            events.withLock { events in
                for event in batch {
                    events.removeAll { $0.id == event.id }
                    events.append(event)
                }
            }
        }

        func page(after: Int64, limit: Int) throws -> HistoryPage<ConsentEvent> {
            events.withLock { HistoryPage(slicing: $0, after: after, limit: limit) }
        }

        func event(id: String) throws -> ConsentEvent? { events.withLock { $0.first { $0.id == id } } }

        func events(of patient: String) throws -> [ConsentEvent] {
            events.withLock { $0.filter { $0.patient == patient }.sorted { $0.at < $1.at } }
        }
    }

    override func makeStore() throws -> any ConsentStore { OverwritingStore() }

    func testTheSuiteFailsAStoreThatOverwrites() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["anIdIsRecordedOnce", "pagesListEveryEventInTheOrderRecorded"], "\(report)")
    }
}
