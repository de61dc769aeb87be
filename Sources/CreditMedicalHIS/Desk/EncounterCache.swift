import CreditMedicalCore
import Synchronization

/// Open encounters and their bills as the desk last wrote them, so that the next call for the
/// same encounter need not read them back from the store.
///
/// A call takes its encounter out (``take(_:)``) and puts it back after its last write succeeded
/// (``keep(_:bill:)``), so a call that failed leaves nothing behind and the next one reads the
/// store. When another desk wrote the encounter in between, the store refuses this desk's write
/// of its out-of-date copy (``StaleEncounterError``, by ``Encounter/revision``) and the desk
/// repeats the call on what it reads. At most `maximumRecords` charge records (items and
/// refunds) are kept; past that, the encounters written longest ago are dropped.
final class EncounterCache: Sendable {
    private struct Kept {
        var encounter: Encounter
        var bill: Bill
        var written: UInt64
        var records: Int { bill.lines.count + bill.refunds.count }
    }

    private struct State {
        var kept: [EncounterID: Kept] = [:]
        var records = 0
        var writes: UInt64 = 0
    }

    let maximumRecords: Int
    private let state = Mutex(State())

    init(maximumRecords: Int) {
        self.maximumRecords = maximumRecords
    }

    /// Takes the encounter and its bill out, when kept.
    func take(_ id: EncounterID) -> (encounter: Encounter, bill: Bill)? {
        state.withLock { state in
            guard let kept = state.kept.removeValue(forKey: id) else { return nil }
            state.records -= kept.records
            return (kept.encounter, kept.bill)
        }
    }

    /// The kept bill of `encounter` (as read from the store), when the kept copy is at its revision;
    /// it stays kept.
    func bill(of encounter: Encounter) -> Bill? {
        state.withLock { state in
            guard let kept = state.kept[encounter.id], kept.encounter.revision == encounter.revision else { return nil }
            return kept.bill
        }
    }

    /// Keeps the open encounter and its bill, which the caller has just written.
    func keep(_ encounter: Encounter, bill: Bill) {
        var kept = Kept(encounter: encounter, bill: bill, written: 0)
        guard encounter.status == .open, kept.records <= maximumRecords else { return }
        state.withLock { state in
            state.writes += 1
            kept.written = state.writes
            state.records += kept.records - (state.kept[encounter.id]?.records ?? 0)
            state.kept[encounter.id] = kept
            if state.records > maximumRecords { Self.dropOldest(&state, keeping: maximumRecords * 3 / 4) }
        }
    }

    /// How many records are kept now.
    var records: Int { state.withLock { $0.records } }

    /// Drops the encounters written longest ago until at most `limit` records are kept.
    private static func dropOldest(_ state: inout State, keeping limit: Int) {
        for (id, kept) in state.kept.sorted(by: { $0.value.written < $1.value.written }) {
            guard state.records > limit else { return }
            state.kept[id] = nil
            state.records -= kept.records
        }
    }
}
