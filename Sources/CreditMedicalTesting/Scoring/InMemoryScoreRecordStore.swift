public import CreditMedicalCore

/// A `ScoreRecordStore` in memory, for tests and examples.
public final class InMemoryScoreRecordStore: ScoreRecordStore {
    private let history = InMemoryHistory<ScoreRecord>(id: \.id, owner: \.patient, time: \.decidedAt)

    public init() {}

    @discardableResult
    public func append(_ records: [ScoreRecord]) throws -> Set<String> { Set(history.append(records).map(\.id)) }

    public func record(id: String) throws -> ScoreRecord? { history.record(id: id) }

    public func records(of patient: String) throws -> [ScoreRecord] { history.records(of: patient) }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ScoreRecord> { history.page(after: after, limit: limit) }
}
