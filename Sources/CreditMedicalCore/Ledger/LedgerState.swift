/// The part of the ledger a batch works on: the lines, holds and earlier results it touches.
///
/// A ``LedgerStore`` loads it (see ``LedgerStateKeys``), the ``LedgerStateMachine`` changes it,
/// and the store persists ``newEntries`` together with the final state of every line and hold
/// they name.
public struct LedgerState: Sendable {
    /// Loaded lines by id, plus lines opened in this batch.
    public var lines: [CreditLineID: CreditLine]
    /// Loaded holds by id, plus holds placed in this batch.
    public var holds: [HoldID: Hold]
    /// Earlier journal entries by idempotency key, for replays; plus this batch's entries.
    public var receipts: [IdempotencyKey: JournalEntry]
    /// The sequence number of the journal's last entry (0 for an empty journal).
    public var lastSequence: Int64
    /// The entries this batch appended, in order.
    public var newEntries: [JournalEntry] = []

    /// A state as a store loads it.
    public init(lines: [CreditLine] = [], holds: [Hold] = [], receipts: [JournalEntry] = [], lastSequence: Int64 = 0) {
        self.lines = Dictionary(lines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.holds = Dictionary(holds.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.receipts = Dictionary(receipts.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.lastSequence = lastSequence
    }

    /// The lines that ``newEntries`` changed, each once, in their final state.
    public var changedLines: [CreditLine] {
        var seen = Set<CreditLineID>()
        return newEntries.compactMap { seen.insert($0.line).inserted ? lines[$0.line] : nil }
    }

    /// The holds that ``newEntries`` changed, each once, in their final state.
    public var changedHolds: [Hold] {
        var seen = Set<HoldID>()
        return newEntries.compactMap { entry in
            guard let id = entry.command.holdID, seen.insert(id).inserted else { return nil }
            return holds[id]
        }
    }
}

/// What a store must load before a batch runs: these lines, these holds and the line of every
/// one of these holds, and the journal entries of these idempotency keys. Ids that do not exist
/// are simply absent from the loaded state.
public struct LedgerStateKeys: Sendable, Hashable {
    public var lines: Set<CreditLineID>
    public var holds: Set<HoldID>
    public var keys: Set<IdempotencyKey>

    public init(lines: Set<CreditLineID> = [], holds: Set<HoldID> = [], keys: Set<IdempotencyKey> = []) {
        self.lines = lines
        self.holds = holds
        self.keys = keys
    }

    /// Everything `batch` may touch.
    public init(for batch: [LedgerRequest]) {
        self.init()
        lines.reserveCapacity(batch.count)
        holds.reserveCapacity(batch.count)
        keys.reserveCapacity(batch.count)
        for request in batch {
            keys.insert(request.key)
            if let line = request.command.lineID { lines.insert(line) }
            if let hold = request.command.holdID { holds.insert(hold) }
        }
    }
}
