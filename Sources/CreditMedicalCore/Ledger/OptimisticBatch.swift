/// A batch run the way ``LedgerStore`` allows a store to run it: first as if all its idempotency
/// keys were new, without looking any up (replays are rare); when that meets a key recorded
/// before, the store's transaction rolls back and the batch runs once more with its keys'
/// entries loaded. The store supplies the steps of its transaction; this decides when a run
/// must start again. `body` may therefore run twice, which the state machine allows (it is pure).
package struct OptimisticBatch: Sendable {
    /// Whether this run loads the entries of the batch's keys (the second run).
    package let loadsKeys: Bool

    /// Runs `attempt` as all-new, and once more loading the keys when it found one recorded before.
    package static func run<Result>(_ attempt: (OptimisticBatch) throws -> Result) throws -> Result {
        do {
            return try attempt(OptimisticBatch(loadsKeys: false))
        } catch is KeyRecordedBefore {
            return try attempt(OptimisticBatch(loadsKeys: true))
        }
    }

    /// The keys whose journal entries the store loads before the batch runs.
    package func keysToLoad(_ keys: LedgerStateKeys) -> Set<IdempotencyKey> {
        loadsKeys ? keys.keys : []
    }

    /// After the batch ran as all-new: a command that was rejected may have been a replay, so
    /// this asks the store whether any rejected command's key was `recorded` before, and then
    /// starts the batch again.
    package func checkRejected(_ keys: LedgerStateKeys, in state: LedgerState, recorded: (Set<IdempotencyKey>) throws -> Bool) throws {
        guard !loadsKeys, keys.keys.count != state.newEntries.count else { return }
        var rejected = keys.keys
        for entry in state.newEntries { rejected.remove(entry.key) }
        if !rejected.isEmpty, try recorded(rejected) { throw KeyRecordedBefore() }
    }

    /// Persists the batch with `write`; after a run as all-new, an error that `isDuplicateKey`
    /// (the journal's unique index refused a key) starts the batch again.
    package func persist<Result>(_ write: () throws -> Result, isDuplicateKey: (any Error) -> Bool) throws -> Result {
        do {
            return try write()
        } catch where !loadsKeys && isDuplicateKey(error) {
            throw KeyRecordedBefore()
        }
    }
}

/// A batch run as all-new met a key recorded before; the run starts again.
private struct KeyRecordedBefore: Error {}
