public import CreditMedicalCore
import Synchronization

/// A `ReceivableStore` in memory, for tests and examples.
public final class InMemoryReceivableStore: ReceivableStore {
    private struct Contents {
        var position: Int64 = 0
        var receivables: [HoldID: Receivable] = [:]
        var events: [CollectionEvent] = []
        var eventIDs = Set<String>()
        var writeOffs: [WriteOffRecord] = []
        var writtenOff = Set<HoldID>()
    }

    private let contents = Mutex(Contents())

    public init() {}

    public func position() throws -> Int64 { contents.withLock { $0.position } }

    public func advance(from: Int64, to: Int64, saving receivables: [Receivable]) throws {
        try contents.withLock { contents in
            guard contents.position == from else {
                throw ReceivableError(.positionMoved, context: ["expected": "\(from)", "found": "\(contents.position)"])
            }
            for var receivable in receivables {
                if let kept = contents.receivables[receivable.hold] { receivable.collection = kept.collection }
                contents.receivables[receivable.hold] = receivable
            }
            contents.position = to
        }
    }

    public func receivables(of holds: Set<HoldID>) throws -> [Receivable] {
        contents.withLock { contents in holds.compactMap { contents.receivables[$0] } }
    }

    public func openReceivables(on lines: Set<CreditLineID>) throws -> [Receivable] {
        contents.withLock { $0.receivables.values.filter { lines.contains($0.line) && $0.owed.isPositive } }
    }

    public func receivables(on line: CreditLineID) throws -> [Receivable] {
        contents.withLock { $0.receivables.values.filter { $0.line == line } }
            .sorted { ($0.capturedAt, $0.hold) < ($1.capturedAt, $1.hold) }
    }

    public func receivables(after: HoldID?, limit: Int) throws -> [Receivable] {
        page(after: after, limit: limit) { _ in true }
    }

    public func needingCollection(at time: Timestamp, after: HoldID?, limit: Int) throws -> [Receivable] {
        page(after: after, limit: limit) { receivable in
            receivable.owed.isPositive ? receivable.collection.reviewAt.map { $0 <= time } ?? false : receivable.collection.restricted
        }
    }

    public func saveCollection(_ receivables: [Receivable], events: [CollectionEvent]) throws {
        contents.withLock { contents in
            for receivable in receivables { contents.receivables[receivable.hold]?.collection = receivable.collection }
            for event in events where contents.eventIDs.insert(event.id).inserted { contents.events.append(event) }
        }
    }

    public func collectionEvents(of hold: HoldID) throws -> [CollectionEvent] {
        contents.withLock { $0.events.filter { $0.hold == hold } }
    }

    public func recordWriteOffs(_ records: [WriteOffRecord]) throws {
        contents.withLock { contents in
            for record in records where contents.writtenOff.insert(record.hold).inserted { contents.writeOffs.append(record) }
        }
    }

    public func writeOffs(after: Int64, limit: Int) throws -> HistoryPage<WriteOffRecord> {
        contents.withLock { HistoryPage(slicing: $0.writeOffs, after: after, limit: limit) }
    }

    private func page(after: HoldID?, limit: Int, where keep: (Receivable) -> Bool) -> [Receivable] {
        let chosen = contents.withLock { contents in
            contents.receivables.values.filter { receivable in after.map { receivable.hold > $0 } ?? true && keep(receivable) }
        }
        return Array(chosen.sorted { $0.hold < $1.hold }.prefix(limit))
    }
}
