public import CreditMedicalCore
public import CreditMedicalHIS
import CreditMedicalStoreSupport
import Synchronization

/// An `EncounterStore` in memory, for tests and simulations. Commits are atomic: a commit
/// whose changes name an unknown encounter throws and changes nothing.
public final class InMemoryEncounterStore: EncounterStore {
    private struct Key: Hashable {
        let encounter: EncounterID
        let round: Int
    }

    private struct State {
        var encounters: [EncounterID: Encounter] = [:]
        var items: [EncounterID: [ChargeItem]] = [:]
        var refunds: [EncounterID: [ChargeRefund]] = [:]
        var settlements: [Key: SettlementRecord] = [:]
        var outbox: [(notification: PatientNotification, failedAttempts: Int)] = []
    }

    private let state = Mutex(State())

    public init() {}

    public func commit(_ changes: [EncounterChange]) throws {
        try state.withLock { state in
            // Checked first, then applied in place: a refused commit changes nothing, and a commit
            // costs what it changes, not the size of the store.
            var known = Set<EncounterID>()
            var stored: [EncounterID: Int] = [:]
            for change in changes {
                switch change {
                case .encounter(let encounter):
                    known.insert(encounter.id)
                    stored[encounter.id] = state.encounters[encounter.id]?.revision
                case .items(let id, _), .refund(let id, _):
                    guard known.contains(id) || state.encounters[id] != nil else {
                        throw BillingError(.encounterNotFound, details: "encounter \(id)")
                    }
                case .settlement, .notification, .notificationSent, .deliveryFailed:
                    break
                }
            }
            let stale = EncounterChangeBatch(changes).staleEncounters(stored: stored)
            guard stale.isEmpty else { throw StaleEncounterError(encounters: stale) }
            for change in changes {
                switch change {
                case .encounter(let encounter):
                    state.encounters[encounter.id] = encounter
                case .items(let id, let items):
                    state.items[id, default: []] += items
                case .refund(let id, let refund):
                    state.refunds[id, default: []].append(refund)
                case .settlement(let record):
                    state.settlements[Key(encounter: record.encounter, round: record.round)] = record
                case .notification(let notification):
                    if !state.outbox.contains(where: { $0.notification.id == notification.id }) { state.outbox.append((notification, 0)) }
                case .notificationSent(let id):
                    state.outbox.removeAll { $0.notification.id == id }
                case .deliveryFailed(let id):
                    if let index = state.outbox.firstIndex(where: { $0.notification.id == id }) { state.outbox[index].failedAttempts += 1 }
                }
            }
        }
    }

    public func encounter(_ id: EncounterID) throws -> Encounter? {
        state.withLock { $0.encounters[id] }
    }

    public func encounters(after: EncounterID?, limit: Int) throws -> [Encounter] {
        state.withLock { state in
            let later = state.encounters.values.filter { after == nil || $0.id.rawValue > after?.rawValue ?? "" }
            return Array(later.sorted { $0.id.rawValue < $1.id.rawValue }.prefix(limit))
        }
    }

    public func charges(of id: EncounterID) throws -> (items: [ChargeItem], refunds: [ChargeRefund]) {
        state.withLock { ($0.items[id] ?? [], $0.refunds[id] ?? []) }
    }

    public func settlement(of id: EncounterID) throws -> SettlementRecord? {
        state.withLock { state in
            state.settlements.filter { $0.key.encounter == id }.max { $0.key.round < $1.key.round }?.value
        }
    }

    public func settlements(of id: EncounterID) throws -> [SettlementRecord] {
        state.withLock { state in
            state.settlements.filter { $0.key.encounter == id }.values.sorted { $0.round < $1.round }
        }
    }

    public func settlements(in steps: Set<SettlementRecord.Step>, limit: Int) throws -> [SettlementRecord] {
        state.withLock { state in
            let matching = state.settlements.values.filter { steps.contains($0.step) }
            return Array(matching.sorted { ($0.startedAt, $0.encounter) < ($1.startedAt, $1.encounter) }.prefix(limit))
        }
    }

    public func settlementsAwaitingAdvance(limit: Int) throws -> [SettlementRecord] {
        state.withLock { state in
            let waiting = state.settlements.values.filter { $0.advanceDueBy != nil && $0.advancePaidAt == nil }
            let ordered = waiting.sorted {
                ($0.advanceDueBy ?? .distantFuture, $0.encounter) < ($1.advanceDueBy ?? .distantFuture, $1.encounter)
            }
            return Array(ordered.prefix(limit))
        }
    }

    public func pendingNotifications(failedAtLeast attempts: Int, limit: Int) throws -> [PatientNotification] {
        state.withLock { Array($0.outbox.filter { $0.failedAttempts >= attempts }.prefix(limit).map(\.notification)) }
    }
}
