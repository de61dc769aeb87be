public import CreditMedicalCore

/// A `ConsentStore` in memory, for tests and examples.
public final class InMemoryConsentStore: ConsentStore {
    private let history = InMemoryHistory<ConsentEvent>(id: \.id, owner: \.patient, time: \.at)

    public init() {}

    public func append(_ event: ConsentEvent) throws { _ = history.append([event]) }

    public func event(id: String) throws -> ConsentEvent? { history.record(id: id) }

    public func events(of patient: String) throws -> [ConsentEvent] { history.records(of: patient) }
}
