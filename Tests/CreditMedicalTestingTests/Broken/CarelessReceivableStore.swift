import CreditMedicalCore
import CreditMedicalTesting
import Synchronization

/// A broken receivable store over an in-memory one, with one mistake a SQL store could make.
final class CarelessReceivableStore: ReceivableStore {
    /// The mistake.
    enum Mistake {
        /// An advance writes the whole receivable, the overdue job's progress too (an upsert that
        /// updates every column).
        case advanceOverwritesCollection
        /// An advance moves the position from wherever it is (an update without `WHERE position = from`).
        case advanceIgnoresFrom
        /// Saving the collection writes the whole receivable, journal fields too.
        case collectionOverwritesJournal
        /// Ids are compared and ordered as text (Swift's `String`, which equates canonically
        /// equivalent text), not by their bytes.
        case idsComparedAsText
        /// A second write-off of a receivable replaces the first (an upsert where an insert that
        /// skips conflicts belongs).
        case writeOffsReplaced
    }

    let inner = InMemoryReceivableStore()
    let mistake: Mistake
    /// The write-offs of a store that replaces them.
    private let replaced = Mutex<[WriteOffRecord]>([])

    init(mistake: Mistake) {
        self.mistake = mistake
    }

    func position() throws -> Int64 { try inner.position() }

    func advance(from: Int64, to: Int64, saving receivables: [Receivable]) throws {
        try inner.advance(from: mistake == .advanceIgnoresFrom ? inner.position() : from, to: to, saving: receivables)
        if mistake == .advanceOverwritesCollection { try inner.saveCollection(receivables, events: []) }
    }

    func receivables(of holds: Set<HoldID>) throws -> [Receivable] {
        guard mistake == .idsComparedAsText else { return try inner.receivables(of: holds) }
        let texts = Set(holds.map(\.rawValue))
        return try all().filter { texts.contains($0.hold.rawValue) }
    }

    func openReceivables(on lines: Set<CreditLineID>) throws -> [Receivable] {
        guard mistake == .idsComparedAsText else { return try inner.openReceivables(on: lines) }
        let texts = Set(lines.map(\.rawValue))
        return try all().filter { texts.contains($0.line.rawValue) && $0.owed.isPositive }
    }

    func receivables(on line: CreditLineID) throws -> [Receivable] {
        guard mistake == .idsComparedAsText else { return try inner.receivables(on: line) }
        return try all().filter { $0.line.rawValue == line.rawValue }
            .sorted { ($0.capturedAt, $0.hold.rawValue) < ($1.capturedAt, $1.hold.rawValue) }
    }

    func receivables(after: HoldID?, limit: Int) throws -> [Receivable] {
        guard mistake == .idsComparedAsText else { return try inner.receivables(after: after, limit: limit) }
        return Self.page(try all(), after: after, limit: limit)
    }

    func needingCollection(at time: Timestamp, after: HoldID?, limit: Int) throws -> [Receivable] {
        guard mistake == .idsComparedAsText else { return try inner.needingCollection(at: time, after: after, limit: limit) }
        let due = try inner.needingCollection(at: time, after: nil, limit: .max).sorted { $0.hold.rawValue < $1.hold.rawValue }
        return Self.page(due, after: after, limit: limit)
    }

    func saveCollection(_ receivables: [Receivable], events: [CollectionEvent]) throws {
        if mistake == .collectionOverwritesJournal {
            let position = try inner.position()
            let known = Set(try inner.receivables(of: Set(receivables.map(\.hold))).map(\.hold))
            try inner.advance(from: position, to: position, saving: receivables.filter { known.contains($0.hold) })
        }
        try inner.saveCollection(receivables, events: events)
    }

    func collectionEvents(of hold: HoldID) throws -> [CollectionEvent] { try inner.collectionEvents(of: hold) }

    func recordWriteOffs(_ records: [WriteOffRecord]) throws {
        guard mistake == .writeOffsReplaced else { return try inner.recordWriteOffs(records) }
        replaced.withLock { kept in
            for record in records {
                if let index = kept.firstIndex(where: { $0.hold == record.hold }) { kept[index] = record } else { kept.append(record) }
            }
        }
    }

    func writeOffs(after: Int64, limit: Int) throws -> HistoryPage<WriteOffRecord> {
        guard mistake == .writeOffsReplaced else { return try inner.writeOffs(after: after, limit: limit) }
        return replaced.withLock { HistoryPage(slicing: $0, after: after, limit: limit) }
    }

    /// Every receivable, in the order of their holds as text.
    private func all() throws -> [Receivable] {
        try inner.receivables(after: nil, limit: .max).sorted { $0.hold.rawValue < $1.hold.rawValue }
    }

    /// Up to `limit` of `sorted` whose holds come after `after` as text.
    private static func page(_ sorted: [Receivable], after: HoldID?, limit: Int) -> [Receivable] {
        Array(sorted.filter { receivable in after.map { receivable.hold.rawValue > $0.rawValue } ?? true }.prefix(limit))
    }
}
