import CreditMedicalCore
import CreditMedicalTesting

/// A broken ledger store: it acknowledges every batch, but its last one was never made durable,
/// so the store opened again has lost it. ``reopened(_:)`` rebuilds what such a store would
/// hold after a restart: the journal without its last entry, replayed through the state machine.
enum UndurableLedgerStore {
    static func reopened(_ store: any LedgerStore) throws -> any LedgerStore {
        let kept = InMemoryLedgerStore()
        for entry in try store.journal(line: nil, after: 0, limit: .max).dropLast() {
            let batch = [LedgerRequest(key: entry.key, command: entry.command)]
            _ = try kept.transact(loading: LedgerStateKeys(for: batch)) { LedgerStateMachine.apply(batch, to: &$0, at: entry.timestamp) }
        }
        return kept
    }
}
