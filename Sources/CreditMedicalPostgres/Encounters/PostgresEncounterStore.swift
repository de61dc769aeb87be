import CreditMedicalCore
public import CreditMedicalHIS
import CreditMedicalStoreSupport

/// The credit desk's `EncounterStore` in a ``PostgresDatabase``: encounters, charges, settlement
/// records and the notification outbox beside the ledger, with the columns every SQL store shares
/// (`EncounterColumns`); its queries are the ones ``PostgresSnapshot`` runs too.
public struct PostgresEncounterStore: EncounterStore, PostgresEncounterQueries {
    /// The database the store writes to.
    public let database: PostgresDatabase

    /// The desk's store in `database`.
    public init(database: PostgresDatabase) {
        self.database = database
    }

    /// The first key of the advisory locks on encounter ids ("CMEN").
    private static let encounterLockClass: Int32 = 0x434D_454E

    public func commit(_ changes: [EncounterChange]) throws {
        let batch = EncounterChangeBatch(changes)
        try database.write { connection in
            try requireNextRevisions(of: batch, on: connection)
            try database.insert(into: "encounters", columns: Self.columns(EncounterColumns.encounter),
                       rows: batch.encounters.map { Self.values(EncounterColumns.values($0)) },
                       updating: EncounterColumns.encounterUpdates, on: connection)
            try database.insert(into: "charge_items", columns: Self.columns(EncounterColumns.item),
                       rows: batch.items.map { Self.values(EncounterColumns.values($1, of: $0)) }, on: connection)
            try database.insert(into: "charge_refunds", columns: Self.columns(EncounterColumns.refund),
                       rows: batch.refunds.map { Self.values(EncounterColumns.values($1, of: $0)) }, on: connection)
            try database.insert(into: "settlements", columns: Self.columns(EncounterColumns.settlement),
                       rows: batch.settlements.map { Self.values(EncounterColumns.values($0)) },
                       updating: EncounterColumns.settlementUpdates, key: "encounter_id, round", on: connection)
            try database.insert(into: "notification_outbox", columns: Self.columns(EncounterColumns.notification),
                       rows: batch.notifications.map { Self.values(EncounterColumns.values($0)) }, updating: ["text"],
                       on: connection)
            if !batch.sent.isEmpty {
                try connection.query("DELETE FROM notification_outbox WHERE id = ANY($1::text[])",
                                     [PostgresLedgerRows.array(batch.sent.map(\.rawValue))])
            }
            // One count per failed attempt, also for an id failed twice in the batch.
            if !batch.failedDeliveries.isEmpty {
                try connection.query("UPDATE notification_outbox AS o SET attempts = o.attempts + f.n FROM "
                                     + "(SELECT id, count(*) AS n FROM unnest($1::text[]) AS id GROUP BY id) AS f WHERE o.id = f.id",
                                     [PostgresLedgerRows.array(batch.failedDeliveries.map(\.rawValue))])
            }
        }
    }

    /// Throws ``StaleEncounterError`` unless every encounter of `batch` is new or stored at the
    /// revision before. Takes one transaction-scoped lock per encounter id first, in id order, so
    /// that a concurrent writer of the same encounters (also of a new one, which no row lock could
    /// cover) waits, and then reads the revisions that writer committed.
    private func requireNextRevisions(of batch: EncounterChangeBatch, on connection: PostgresConnection) throws {
        guard !batch.encounters.isEmpty else { return }
        let ids = PostgresLedgerRows.array(batch.encounters.map(\.id.rawValue))
        try connection.query("SELECT pg_advisory_xact_lock(\(Self.encounterLockClass), hashtext(id)) "
                             + "FROM (SELECT DISTINCT unnest($1::text[]) AS id ORDER BY id) AS ids", [ids])
        let stored = try connection.query("SELECT id, revision FROM encounters WHERE id = ANY($1::text[])", [ids])
        let revisions = (0..<stored.count).map { (EncounterID(stored.text($0, 0) ?? ""), Int(stored.int64($0, 1) ?? 0)) }
        let stale = batch.staleEncounters(stored: Dictionary(revisions, uniquingKeysWith: { first, _ in first }))
        guard stale.isEmpty else { throw StaleEncounterError(encounters: stale) }
    }

    private static func columns(_ names: [String]) -> String { names.joined(separator: ", ") }

    private static func values(_ stored: [StoredValue]) -> [PostgresValue] { stored.map(PostgresValue.init) }

    /// Does nothing: commits are durable when they return.
    public func flush() throws {}

    func read<Row>(_ sql: String, _ parameters: [PostgresValue],
                   _ decode: (PostgresResult) throws(PostgresStoreError) -> [Row]) throws -> [Row] {
        try database.read(sql, parameters, decode)
    }
}
