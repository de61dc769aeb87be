public import CreditMedicalCore
import Synchronization

/// A `LedgerStore` in memory: for tests, simulations and the state-machine benchmark.
///
/// It follows the store contract exactly (a failed batch persists nothing), so the conformance
/// suite and the differential tests treat it like any other store. Like the SQLite and
/// PostgreSQL stores it has a desk's store beside it in a database (``InMemoryDatabase``).
/// Nothing survives the process.
public final class InMemoryLedgerStore: LedgerStore {
    private struct Contents {
        var lines: [CreditLineID: CreditLine] = [:]
        var holds: [HoldID: Hold] = [:]
        var journal: [JournalEntry] = []
        var sequenceByKey: [IdempotencyKey: Int64] = [:]
    }

    private let contents = Mutex(Contents())

    public init() {}

    public func transact<Result>(loading keys: LedgerStateKeys, _ body: (inout LedgerState) throws -> Result) throws -> Result {
        try contents.withLock { contents in
            let holds = keys.holds.compactMap { contents.holds[$0] }
            let lines = keys.lines.union(holds.map(\.line)).compactMap { contents.lines[$0] }
            let guarantors = Set(lines.compactMap(\.guarantor)).subtracting(lines.map(\.id)).compactMap { contents.lines[$0] }
            var state = LedgerState(
                lines: lines + guarantors,
                holds: holds,
                receipts: keys.keys.compactMap { key in contents.sequenceByKey[key].map { contents.journal[Int($0 - 1)] } },
                lastSequence: Int64(contents.journal.count)
            )
            let result = try body(&state)
            for line in state.changedLines { contents.lines[line.id] = line }
            for hold in state.changedHolds { contents.holds[hold.id] = hold }
            for entry in state.newEntries {
                contents.journal.append(entry)
                contents.sequenceByKey[entry.key] = entry.sequence
            }
            return result
        }
    }

    public func line(_ id: CreditLineID) throws -> CreditLine? {
        contents.withLock { $0.lines[id] }
    }

    public func lines(after: CreditLineID?, limit: Int) throws -> [CreditLine] {
        contents.withLock { contents in
            Array(contents.lines.values.filter { row in after.map { row.id > $0 } ?? true }.sorted { $0.id < $1.id }.prefix(limit))
        }
    }

    public func memberLines(of guarantor: CreditLineID) throws -> [CreditLine] {
        contents.withLock { contents in contents.lines.values.filter { $0.guarantor == guarantor }.sorted { $0.id < $1.id } }
    }

    public func hold(_ id: HoldID) throws -> Hold? {
        contents.withLock { $0.holds[id] }
    }

    public func holds(on line: CreditLineID) throws -> [Hold] {
        contents.withLock { contents in contents.holds.values.filter { $0.line == line }.sorted { $0.id < $1.id } }
    }

    public func holds(after: HoldID?, limit: Int) throws -> [Hold] {
        contents.withLock { contents in
            Array(contents.holds.values.filter { row in after.map { row.id > $0 } ?? true }.sorted { $0.id < $1.id }.prefix(limit))
        }
    }

    public func openHolds(expiringBy time: Timestamp, limit: Int) throws -> [Hold] {
        contents.withLock { contents in
            let due = contents.holds.values.filter { $0.state == .open && $0.expiresAt.map { $0 <= time } == true }
            return Array(due.sorted { $0.id < $1.id }.prefix(limit))
        }
    }

    public func journal(line: CreditLineID?, after: Int64, limit: Int) throws -> [JournalEntry] {
        contents.withLock { contents in
            let tail = contents.journal.dropFirst(Int(max(0, min(after, Int64(contents.journal.count)))))
            return Array(tail.lazy.filter { line == nil || $0.line == line }.prefix(limit))
        }
    }

    public func entry(for key: IdempotencyKey) throws -> JournalEntry? {
        contents.withLock { contents in contents.sequenceByKey[key].map { contents.journal[Int($0 - 1)] } }
    }
}
