import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalStoreSupport

/// The desk's queries, written once for the store and the read-only snapshot, with the columns
/// every SQL store shares (``EncounterColumns``).
protocol PostgresEncounterQueries: PostgresReading, EncounterReader {}

extension PostgresEncounterQueries {
    public func encounter(_ id: EncounterID) throws -> Encounter? {
        try records("SELECT \(EncounterColumns.encounter.joined(separator: ", ")) FROM encounters WHERE id = $1", [.text(id.rawValue)],
                    "encounter", EncounterColumns.encounter).first
    }

    public func encounters(after: EncounterID?, limit: Int) throws -> [Encounter] {
        try records("SELECT \(EncounterColumns.encounter.joined(separator: ", ")) FROM encounters WHERE $1::text IS NULL OR id > $1 "
                    + "ORDER BY id LIMIT $2", [.optional(after?.rawValue), .integer(Int64(limit))], "encounter", EncounterColumns.encounter)
    }

    public func charges(of id: EncounterID) throws -> (items: [ChargeItem], refunds: [ChargeRefund]) {
        let items = try records("SELECT \(EncounterColumns.item.joined(separator: ", ")) FROM charge_items WHERE encounter_id = $1 ORDER BY seq",
                                [.text(id.rawValue)], "charge item", EncounterColumns.item)
        let refunds = try records("SELECT \(EncounterColumns.refund.joined(separator: ", ")) FROM charge_refunds WHERE encounter_id = $1 "
                                  + "ORDER BY seq", [.text(id.rawValue)], "refund", EncounterColumns.refund)
        return (items, refunds)
    }

    public func settlement(of id: EncounterID) throws -> SettlementRecord? {
        try records("SELECT \(EncounterColumns.settlement.joined(separator: ", ")) FROM settlements WHERE encounter_id = $1 "
                    + "ORDER BY round DESC LIMIT 1", [.text(id.rawValue)], "settlement", EncounterColumns.settlement).first
    }

    public func settlements(of id: EncounterID) throws -> [SettlementRecord] {
        try records("SELECT \(EncounterColumns.settlement.joined(separator: ", ")) FROM settlements WHERE encounter_id = $1 ORDER BY round",
                    [.text(id.rawValue)], "settlement", EncounterColumns.settlement)
    }

    public func settlements(in steps: Set<SettlementRecord.Step>, limit: Int) throws -> [SettlementRecord] {
        try records("SELECT \(EncounterColumns.settlement.joined(separator: ", ")) FROM settlements WHERE step = ANY($1::text[]) "
                    + "ORDER BY started_at, encounter_id LIMIT $2",
                    [PostgresLedgerRows.array(steps.map(\.rawValue)), .integer(Int64(limit))], "settlement", EncounterColumns.settlement)
    }

    public func settlementsAwaitingAdvance(limit: Int) throws -> [SettlementRecord] {
        try records("SELECT \(EncounterColumns.settlement.joined(separator: ", ")) FROM settlements "
                    + "WHERE advance_due_by IS NOT NULL AND advance_paid_at IS NULL ORDER BY advance_due_by, encounter_id LIMIT $1",
                    [.integer(Int64(limit))], "settlement", EncounterColumns.settlement)
    }

    public func pendingNotifications(failedAtLeast attempts: Int, limit: Int) throws -> [PatientNotification] {
        try records("SELECT \(EncounterColumns.notification.joined(separator: ", ")) FROM notification_outbox "
                    + "WHERE attempts >= $2 ORDER BY seq LIMIT $1",
                    [.integer(Int64(limit)), .integer(Int64(attempts))], "notification", EncounterColumns.notification)
    }

    /// The records of a query, each read by `decode`; a row it cannot read is reported.
    private func records<Record>(_ sql: String, _ parameters: [PostgresValue], _ what: String,
                                 _ decode: (ResultRow) -> Record?) throws -> [Record] {
        try read(sql, parameters) { (result) throws(PostgresStoreError) in try result.records(what, decode) }
    }
}
