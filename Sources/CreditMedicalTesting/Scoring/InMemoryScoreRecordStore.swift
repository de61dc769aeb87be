public import CreditMedicalCore
import Synchronization

/// A `ScoreRecordStore` in memory, for tests and examples.
public final class InMemoryScoreRecordStore: ScoreRecordStore {
    private let records = Mutex<[ScoreRecord]>([])

    public init() {}

    public func append(_ record: ScoreRecord) throws {
        records.withLock { records in
            guard !records.contains(where: { $0.id == record.id }) else { return }
            records.append(record)
        }
    }

    public func record(id: String) throws -> ScoreRecord? {
        records.withLock { records in records.first { $0.id == id } }
    }

    public func records(of patient: String) throws -> [ScoreRecord] {
        // A stable sort keeps the order appended among decisions of one time.
        records.withLock { records in records.filter { $0.patient == patient }.sorted { $0.decidedAt < $1.decidedAt } }
    }
}
