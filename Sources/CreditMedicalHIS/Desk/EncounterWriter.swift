import CreditMedicalCore
import Synchronization

/// Writes the desk's encounters and their changes to the store, durably: the writes of concurrent
/// calls share one transaction (group commit) and a write the store refuses as out of date fails
/// alone; every encounter written ends this desk's claim on it; and the notifications delivered
/// since the last write leave the outbox with the next one instead of costing a write of their own.
final class EncounterWriter: Sendable {
    private let store: any EncounterStore
    private let committer: GroupCommitter<[EncounterChange], Bool>?
    /// Notifications delivered whose outbox entries are not yet taken out.
    private let deliveredMarks = Mutex<Set<AdapterRequestID>>([])

    /// A writer to `store` whose concurrent writes share transactions when `groupCommit` is on;
    /// off, every write is its own durable transaction. Batches take their time from `clock`.
    init(store: any EncounterStore, groupCommit: Bool, clock: any TimeSource) {
        self.store = store
        self.committer = groupCommit
            ? GroupCommitter(label: "encounters", maximumBatchSize: 1_024, clock: clock,
                             commit: { writes, _ in try Self.commit(writes, to: store) }, flush: { try store.flush() })
            : nil
    }

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
            if let committer {
                guard try await committer.submit([all]) == [true] else {
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

    /// Marks a notification delivered: its outbox entry leaves with the next write.
    func markDelivered(_ id: AdapterRequestID) {
        deliveredMarks.withLock { _ = $0.insert(id) }
    }

    /// The notifications marked delivered whose marks are not written yet.
    var delivered: Set<AdapterRequestID> { deliveredMarks.withLock { $0 } }

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
