import CreditMedicalCore

/// The ledger's queries, written once for the store and the read-only snapshot.
protocol PostgresLedgerQueries: PostgresReading, LedgerReader {}

extension PostgresLedgerQueries {
    public func line(_ id: CreditLineID) throws -> CreditLine? {
        try read("SELECT \(PostgresLedgerRows.lineColumns) FROM credit_lines WHERE id = $1", [.text(id.rawValue)], PostgresLedgerRows.lines).first
    }

    public func lines(after: CreditLineID?, limit: Int) throws -> [CreditLine] {
        try read("SELECT \(PostgresLedgerRows.lineColumns) FROM credit_lines WHERE $1::text IS NULL OR id > $1 ORDER BY id LIMIT $2",
                 [.optional(after?.rawValue), .integer(Int64(limit))], PostgresLedgerRows.lines)
    }

    public func memberLines(of guarantor: CreditLineID) throws -> [CreditLine] {
        try read("SELECT \(PostgresLedgerRows.lineColumns) FROM credit_lines WHERE guarantor_id = $1 ORDER BY id", [.text(guarantor.rawValue)],
                 PostgresLedgerRows.lines)
    }

    public func hold(_ id: HoldID) throws -> Hold? {
        try read("SELECT \(PostgresLedgerRows.holdColumns) FROM holds WHERE id = $1", [.text(id.rawValue)], PostgresLedgerRows.holds).first
    }

    public func holds(on line: CreditLineID) throws -> [Hold] {
        try read("SELECT \(PostgresLedgerRows.holdColumns) FROM holds WHERE line_id = $1 ORDER BY id", [.text(line.rawValue)],
                 PostgresLedgerRows.holds)
    }

    public func holds(after: HoldID?, limit: Int) throws -> [Hold] {
        try read("SELECT \(PostgresLedgerRows.holdColumns) FROM holds WHERE $1::text IS NULL OR id > $1 ORDER BY id LIMIT $2",
                 [.optional(after?.rawValue), .integer(Int64(limit))], PostgresLedgerRows.holds)
    }

    public func openHolds(expiringBy time: Timestamp, limit: Int) throws -> [Hold] {
        try read("SELECT \(PostgresLedgerRows.holdColumns) FROM holds WHERE state = 0 AND expires_at IS NOT NULL AND expires_at <= $1 "
                 + "ORDER BY id LIMIT $2", [.integer(time.millisecondsSince1970), .integer(Int64(limit))], PostgresLedgerRows.holds)
    }

    public func journal(line: CreditLineID?, after: Int64, limit: Int) throws -> [JournalEntry] {
        try read("SELECT \(PostgresLedgerRows.entryColumns) FROM journal WHERE ($1::text IS NULL OR line_id = $1) AND sequence > $2 "
                 + "ORDER BY sequence LIMIT $3", [.optional(line?.rawValue), .integer(after), .integer(Int64(limit))],
                 PostgresLedgerRows.entries)
    }

    public func entry(for key: IdempotencyKey) throws -> JournalEntry? {
        try read("SELECT \(PostgresLedgerRows.entryColumns) FROM journal WHERE idempotency_key = $1", [.text(key.rawValue)],
                 PostgresLedgerRows.entries).first
    }
}
