import CreditMedicalCore
import Synchronization

extension CreditDesk {
    /// Persists `changes` in one transaction, durably, together with the delivery marks taken so
    /// far (which go back to the queue when the write fails). Every encounter written ends this
    /// desk's claim on it, unless the write is `claiming` it. Throws ``StaleEncounterError`` when
    /// the store refused an encounter of `changes` as out of date.
    func write(_ changes: [EncounterChange], claiming: Bool = false) async throws {
        let marks = deliveredMarks.withLock { marks in
            defer { marks.removeAll() }
            return marks
        }
        let released = claiming ? changes : changes.map { change in
            guard case .encounter(var encounter) = change else { return change }
            encounter.claim = nil
            return .encounter(encounter)
        }
        let all = released + marks.map(EncounterChange.notificationSent)
        do {
            if let writer {
                guard try await writer.submit([all]) == [true] else {
                    throw StaleEncounterError(encounters: changes.compactMap { change in
                        if case .encounter(let encounter) = change { encounter.id } else { nil }
                    })
                }
            } else {
                try store.commit(all)
                try store.flush()
            }
        } catch {
            deliveredMarks.withLock { $0.formUnion(marks) }
            throw error
        }
    }

    /// Commits the writes of several calls in one transaction; when the store refuses some as
    /// out of date, commits the others and answers `false` for those.
    static func commit(_ writes: [[EncounterChange]], to store: any EncounterStore) throws -> [Bool] {
        var accepted = Array(repeating: true, count: writes.count)
        // Each refusal takes at least one write out, so this ends.
        while true {
            do {
                try store.commit(writes.indices.filter { accepted[$0] }.flatMap { writes[$0] })
                return accepted
            } catch let stale as StaleEncounterError {
                let refused = Set(stale.encounters)
                let before = accepted.filter { $0 }.count
                for index in writes.indices where accepted[index] && writes[index].contains(where: { change in
                    if case .encounter(let encounter) = change { refused.contains(encounter.id) } else { false }
                }) {
                    accepted[index] = false
                }
                guard accepted.filter({ $0 }).count < before else { throw stale }
            }
        }
    }
}
