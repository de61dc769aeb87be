import CreditMedicalCore
import Synchronization

/// Records kept in memory the way the SDK's history stores keep them: the first record of an id
/// stays, and an owner's records read back oldest first, in the order appended within one time.
final class InMemoryHistory<Record: Sendable>: Sendable {
    private struct Records {
        var byID: [String: Record] = [:]
        var byOwner: [String: [Record]] = [:]
        var inOrder: [Record] = []
    }

    private let records = Mutex(Records())
    private let id: @Sendable (Record) -> String
    private let owner: @Sendable (Record) -> String
    private let time: @Sendable (Record) -> Timestamp

    init(id: @escaping @Sendable (Record) -> String, owner: @escaping @Sendable (Record) -> String,
         time: @escaping @Sendable (Record) -> Timestamp) {
        self.id = id
        self.owner = owner
        self.time = time
    }

    /// Appends `batch` and returns the records it did not append, their ids being recorded.
    @discardableResult
    func append(_ batch: [Record]) -> [Record] {
        records.withLock { records in
            var kept: [Record] = []
            for record in batch {
                guard records.byID[id(record)] == nil else {
                    kept.append(record)
                    continue
                }
                records.byID[id(record)] = record
                records.byOwner[owner(record), default: []].append(record)
                records.inOrder.append(record)
            }
            return kept
        }
    }

    func record(id wanted: String) -> Record? {
        records.withLock { $0.byID[wanted] }
    }

    /// Up to `limit` records after position `after`; a record's position is its place in the
    /// order appended, from 1.
    func page(after: Int64, limit: Int) -> HistoryPage<Record> {
        records.withLock { HistoryPage(slicing: $0.inOrder, after: after, limit: limit) }
    }

    func records(of wanted: String) -> [Record] {
        // A stable sort keeps the order appended among records of one time.
        records.withLock { $0.byOwner[wanted] ?? [] }.sorted { time($0) < time($1) }
    }
}
