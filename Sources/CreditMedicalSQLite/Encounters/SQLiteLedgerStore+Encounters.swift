public import CreditMedicalCore
public import CreditMedicalHIS
import CSQLite
import Foundation

/// The same SQLite file keeps the credit desk's paperwork next to the ledger, through the same
/// connection: one file to back up, and the ledger's writes and the desk's take turns without
/// waiting for a file lock.
extension SQLiteLedgerStore: EncounterStore {
    public func commit(_ changes: [EncounterChange]) throws {
        // Rows of one kind go into one statement; an encounter or settlement changed twice in one
        // commit is written once, in its last state.
        var encounters: [EncounterID: Encounter] = [:]
        var encounterOrder: [EncounterID] = []
        var items: [(EncounterID, ChargeItem)] = []
        var refunds: [(EncounterID, ChargeRefund)] = []
        var settlements: [String: SettlementRecord] = [:]
        var settlementOrder: [String] = []
        var notifications: [AdapterRequestID: PatientNotification] = [:]
        var notificationOrder: [AdapterRequestID] = []
        var sent: [String] = []
        for change in changes {
            switch change {
            case .encounter(let encounter):
                if encounters.updateValue(encounter, forKey: encounter.id) == nil { encounterOrder.append(encounter.id) }
            case .items(let id, let added): items += added.map { (id, $0) }
            case .refund(let id, let refund): refunds.append((id, refund))
            case .settlement(let record):
                let key = "\(record.round)/\(record.encounter.rawValue)"
                if settlements.updateValue(record, forKey: key) == nil { settlementOrder.append(key) }
            case .notification(let notification):
                if notifications.updateValue(notification, forKey: notification.id) == nil { notificationOrder.append(notification.id) }
            case .notificationSent(let id): sent.append(id.rawValue)
            }
        }
        try lock.withLock {
            try connection.writeTransaction {
                try connection.run(EncounterRows.upsertEncounters, rows: encounterOrder.compactMap { encounters[$0] }, bind: EncounterRows.bind)
                try connection.run(EncounterRows.insertItems, rows: items, bind: EncounterRows.bind)
                try connection.run(EncounterRows.insertRefunds, rows: refunds, bind: EncounterRows.bind)
                try connection.run(EncounterRows.upsertSettlements, rows: settlementOrder.compactMap { settlements[$0] },
                                   bind: EncounterRows.bind)
                try connection.run(EncounterRows.upsertNotifications, rows: notificationOrder.compactMap { notifications[$0] },
                                   bind: EncounterRows.bind)
                let delete = try connection.statement("DELETE FROM notification_outbox WHERE id = ?1")
                for id in sent {
                    try delete.bind(.text(id))
                    while try delete.step() {}
                }
            }
        }
    }

    public func encounter(_ id: EncounterID) throws -> Encounter? {
        try read(EncounterQueries.encounter, .text(id.rawValue), decode: EncounterRows.encounter).first
    }

    public func charges(of id: EncounterID) throws -> (items: [ChargeItem], refunds: [ChargeRefund]) {
        let items = try read(EncounterQueries.items, .text(id.rawValue),
                             decode: EncounterRows.item)
        let refunds = try read(EncounterQueries.refunds, .text(id.rawValue),
                               decode: EncounterRows.refund)
        return (items, refunds)
    }

    public func settlement(of id: EncounterID) throws -> SettlementRecord? {
        try read(EncounterQueries.latestSettlement, .text(id.rawValue), decode: EncounterRows.settlement).first
    }

    public func settlements(in steps: Set<SettlementRecord.Step>, limit: Int) throws -> [SettlementRecord] {
        guard !steps.isEmpty else { return [] }
        let names = steps.map(\.rawValue).sorted()
        let parameters = names.indices.map { "?\($0 + 2)" }.joined(separator: ", ")
        return try read(EncounterRows.upsertSettlements.select + " WHERE step IN (\(parameters)) ORDER BY started_at, encounter_id LIMIT ?1",
                        [.integer(Int64(limit))] + names.map(SQLiteValue.text), decode: EncounterRows.settlement)
    }

    public func settlementsAwaitingAdvance(limit: Int) throws -> [SettlementRecord] {
        try read(EncounterRows.upsertSettlements.select
                 + " WHERE advance_due_by IS NOT NULL AND advance_paid_at IS NULL ORDER BY advance_due_by, encounter_id LIMIT ?1",
                 .integer(Int64(limit)), decode: EncounterRows.settlement)
    }

    public func pendingNotifications(limit: Int) throws -> [PatientNotification] {
        try read(EncounterRows.upsertNotifications.select + " ORDER BY seq LIMIT ?1", .integer(Int64(limit)),
                 decode: EncounterRows.notification)
    }
}

/// The desk's frequent queries, built once.
private enum EncounterQueries {
    static let encounter = EncounterRows.upsertEncounters.select + " WHERE id = ?1"
    static let items = EncounterRows.insertItems.select + " WHERE encounter_id = ?1 ORDER BY seq"
    static let refunds = EncounterRows.insertRefunds.select + " WHERE encounter_id = ?1 ORDER BY seq"
    static let latestSettlement = EncounterRows.upsertSettlements.select + " WHERE encounter_id = ?1 ORDER BY round DESC LIMIT 1"
}
