import CreditMedicalCore
import Synchronization

/// The bills of open encounters as the desk last wrote them, so that the next call for the same
/// encounter need not read its charges back from the store.
///
/// A kept bill is used only for an encounter, read from the store by the same call, whose
/// ``Encounter/billRecords`` equals the bill's ``Bill/recordCount``: records are only ever
/// appended, and every writer writes the count with them, so a bill another desk changed in the
/// meantime does not match and is read again. At most `maximumRecords` charge records are kept;
/// past that, the bills written longest ago are dropped.
final class BillCache: Sendable {
    private struct Kept {
        var bill: Bill
        var written: UInt64
    }

    private struct State {
        var bills: [EncounterID: Kept] = [:]
        var records = 0
        var writes: UInt64 = 0
    }

    let maximumRecords: Int
    private let state = Mutex(State())

    init(maximumRecords: Int) {
        self.maximumRecords = maximumRecords
    }

    /// The kept bill of `encounter`, when it is the stored one; it stays kept.
    func bill(of encounter: Encounter) -> Bill? {
        state.withLock { state in
            guard let kept = state.bills[encounter.id], kept.bill.recordCount == encounter.billRecords else { return nil }
            return kept.bill
        }
    }

    /// Takes the kept bill of `encounter` out, when it is the stored one, so that the caller can
    /// change it without copying it.
    func take(_ encounter: Encounter) -> Bill? {
        state.withLock { state in
            guard let kept = state.bills[encounter.id], kept.bill.recordCount == encounter.billRecords else { return nil }
            state.bills[encounter.id] = nil
            state.records -= kept.bill.recordCount
            return kept.bill
        }
    }

    /// Keeps `bill`, which the caller has just written, in place of the encounter's earlier one.
    func keep(_ bill: Bill) {
        guard bill.recordCount <= maximumRecords else { return forget(bill.encounter) }
        state.withLock { state in
            state.writes += 1
            state.records += bill.recordCount - (state.bills[bill.encounter]?.bill.recordCount ?? 0)
            state.bills[bill.encounter] = Kept(bill: bill, written: state.writes)
            if state.records > maximumRecords { Self.dropOldest(&state, keeping: maximumRecords * 3 / 4) }
        }
    }

    /// Stops keeping the encounter's bill.
    func forget(_ id: EncounterID) {
        state.withLock { state in
            if let kept = state.bills.removeValue(forKey: id) { state.records -= kept.bill.recordCount }
        }
    }

    /// How many records are kept now.
    var records: Int { state.withLock { $0.records } }

    /// Drops the bills written longest ago until at most `limit` records are kept.
    private static func dropOldest(_ state: inout State, keeping limit: Int) {
        for (id, kept) in state.bills.sorted(by: { $0.value.written < $1.value.written }) {
            guard state.records > limit else { return }
            state.bills[id] = nil
            state.records -= kept.bill.recordCount
        }
    }
}
