/// The part of the ledger a batch works on: the lines, holds and earlier results it touches.
///
/// A ``LedgerStore`` loads it (see ``LedgerStateKeys``), the ``LedgerStateMachine`` changes it,
/// and the store persists ``newEntries`` together with the final state of every line and hold
/// they name.
public struct LedgerState: Sendable {
    /// Loaded lines, plus lines opened in this batch.
    var lines = IdentifierTable<CreditLineID, CreditLine>()
    /// Loaded holds, plus holds placed in this batch.
    var holds = IdentifierTable<HoldID, Hold>()
    /// The sequence number of the journal's last entry (0 for an empty journal).
    public var lastSequence: Int64
    /// The entries this batch appended, in order.
    public private(set) var newEntries: [JournalEntry] = []
    /// Earlier journal entries the store loaded for the batch's keys.
    private var loadedEntries: [JournalEntry]
    /// Where each known key's entry is: `n ≥ 0` is `newEntries[n]`, `n ≤ -2` is
    /// `loadedEntries[-n - 2]`, `-1` is none. One probe serves both the replay check and the
    /// recording of a new key.
    private var entryIndex = IdentifierTable<IdempotencyKey, Int>()

    /// A state as a store loads it: lines, holds, the journal entries of the batch's keys that
    /// exist, and the last sequence number.
    public init(lines: [CreditLine] = [], holds: [Hold] = [], receipts: [JournalEntry] = [], lastSequence: Int64 = 0) {
        self.lastSequence = lastSequence
        self.loadedEntries = receipts
        for line in lines { _ = self.lines.positionInsertingIfAbsent(line.id) { line } }
        for hold in holds { _ = self.holds.positionInsertingIfAbsent(hold.id) { hold } }
        for (offset, entry) in receipts.enumerated() {
            _ = entryIndex.positionInsertingIfAbsent(entry.key) { -offset - 2 }
        }
    }

    /// Where the entry recorded for `key` is, earlier or in this batch; when there is none,
    /// reserves the key for the entry ``append(_:)`` adds next (or ``release(_:)`` gives it up)
    /// and returns `nil`. (No entry is copied unless it is asked for with ``entry(_:)``.)
    mutating func findOrReserve(_ key: IdempotencyKey) -> RecordedEntry? {
        let next = newEntries.count
        let (position, inserted) = entryIndex.positionInsertingIfAbsent(key) { next }
        guard !inserted else { return nil }
        let found = entryIndex[position: position]
        guard found != -1 else {
            entryIndex[position: position] = next
            return nil
        }
        return RecordedEntry(reference: found)
    }

    /// The entry found by ``findOrReserve(_:)``.
    func entry(_ recorded: RecordedEntry) -> JournalEntry {
        recorded.reference >= 0 ? newEntries[recorded.reference] : loadedEntries[-recorded.reference - 2]
    }

    /// Gives up the reservation of a key whose command was rejected: rejections are not recorded.
    mutating func release(_ key: IdempotencyKey) {
        entryIndex.set(-1, for: key)
    }

    /// Appends the entry of the key reserved last.
    mutating func append(_ entry: JournalEntry) {
        newEntries.append(entry)
    }

    /// Makes room for what a batch of `count` commands may add, so the tables grow once.
    mutating func reserveCapacity(forBatchOf count: Int) {
        lines.reserveCapacity(adding: count)
        holds.reserveCapacity(adding: count)
        entryIndex.reserveCapacity(adding: count)
        newEntries.reserveCapacity(newEntries.count + count)
    }

    /// Forgets the batch's entries and the loaded ones, keeping lines and holds: the state a
    /// store that keeps everything in memory starts its next batch from.
    public mutating func forgetEntries() {
        newEntries.removeAll(keepingCapacity: true)
        loadedEntries.removeAll(keepingCapacity: true)
        entryIndex.removeAll()
    }

    /// The lines that ``newEntries`` changed (member lines' guarantors too), each once, in their
    /// final state.
    public var changedLines: [CreditLine] {
        var seen = Set<CreditLineID>(minimumCapacity: newEntries.count)
        var changed: [CreditLine] = []
        changed.reserveCapacity(newEntries.count)
        for entry in newEntries {
            if seen.insert(entry.line).inserted, let line = lines[entry.line] { changed.append(line) }
            if let id = entry.guarantor?.line, seen.insert(id).inserted, let line = lines[id] { changed.append(line) }
        }
        return changed
    }

    /// The holds that ``newEntries`` changed, each once, in their final state.
    public var changedHolds: [Hold] {
        var seen = Set<HoldID>(minimumCapacity: newEntries.count)
        return newEntries.compactMap { entry in
            guard let id = entry.command.holdID, seen.insert(id).inserted else { return nil }
            return holds[id]
        }
    }
}

/// Where an idempotency key's entry is: see ``LedgerState/findOrReserve(_:)``.
struct RecordedEntry {
    /// `n ≥ 0` is `newEntries[n]`, `n ≤ -2` is `loadedEntries[-n - 2]`.
    let reference: Int
}

/// What a store must load before a batch runs: these lines, these holds and the line of every
/// one of these holds, the guarantor line of every member line among those lines, and the
/// journal entries of these idempotency keys. Ids that do not exist are simply absent from the
/// loaded state.
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
            if case .openMemberLine(_, let guarantor, _) = request.command { lines.insert(guarantor) }
            if let hold = request.command.holdID { holds.insert(hold) }
        }
    }
}
