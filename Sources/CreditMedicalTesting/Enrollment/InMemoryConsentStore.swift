public import CreditMedicalCore

/// A `ConsentStore` in memory, for tests and examples.
public final class InMemoryConsentStore: ConsentStore {
    private let history = InMemoryHistory<ConsentEvent>(id: \.id, owner: \.patient, time: \.at)

    public init() {}

    public func append(_ events: [ConsentEvent]) throws { _ = history.append(events) }

    public func event(id: String) throws -> ConsentEvent? { history.record(id: id) }

    public func events(of patient: String) throws -> [ConsentEvent] { history.records(of: patient) }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ConsentEvent> { history.page(after: after, limit: limit) }
}
