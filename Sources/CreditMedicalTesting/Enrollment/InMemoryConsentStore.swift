public import CreditMedicalCore
import Synchronization

/// A `ConsentStore` in memory, for tests and examples.
public final class InMemoryConsentStore: ConsentStore {
    private let events = Mutex<[ConsentEvent]>([])

    public init() {}

    public func append(_ event: ConsentEvent) throws {
        events.withLock { events in
            guard !events.contains(where: { $0.id == event.id }) else { return }
            events.append(event)
        }
    }

    public func event(id: String) throws -> ConsentEvent? {
        events.withLock { events in events.first { $0.id == id } }
    }

    public func events(of patient: String) throws -> [ConsentEvent] {
        // A stable sort keeps the order appended among events of one time.
        events.withLock { events in events.filter { $0.patient == patient }.sorted { $0.at < $1.at } }
    }
}
