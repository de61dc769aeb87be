import CreditMedicalCore
import Synchronization

/// Records kept in memory the way the SDK's history stores keep them: the first record of an id
/// stays, and an owner's records read back oldest first, in the order appended within one time.
final class InMemoryHistory<Record: Sendable>: Sendable {
    private let records = Mutex<[Record]>([])
    private let id: @Sendable (Record) -> String
    private let owner: @Sendable (Record) -> String
    private let time: @Sendable (Record) -> Timestamp

    init(id: @escaping @Sendable (Record) -> String, owner: @escaping @Sendable (Record) -> String,
         time: @escaping @Sendable (Record) -> Timestamp) {
        self.id = id
        self.owner = owner
        self.time = time
    }

    func append(_ record: Record) {
        records.withLock { records in
            guard !records.contains(where: { id($0) == id(record) }) else { return }
            records.append(record)
        }
    }

    func record(id wanted: String) -> Record? {
        records.withLock { records in records.first { id($0) == wanted } }
    }

    func records(of wanted: String) -> [Record] {
        // A stable sort keeps the order appended among records of one time.
        records.withLock { records in records.filter { owner($0) == wanted }.sorted { time($0) < time($1) } }
    }
}
