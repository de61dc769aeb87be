import CreditMedicalCore

/// The ledger's queries over SQLite, for the store and the snapshot alike.
protocol SQLiteLedgerQuerying: SQLiteReading, LedgerReader {}

extension SQLiteLedgerQuerying {
    public func line(_ id: CreditLineID) throws -> CreditLine? {
        try read(LedgerQueries.lineByID, .text(id.rawValue), decode: Rows.line).first
    }

    public func lines(after: CreditLineID?, limit: Int) throws -> [CreditLine] {
        try read(Rows.selectLine + " WHERE ?1 IS NULL OR id > ?1 ORDER BY id LIMIT ?2",
                 .optional(after?.rawValue), .integer(Int64(limit)), decode: Rows.line)
    }

    public func memberLines(of guarantor: CreditLineID) throws -> [CreditLine] {
        try read(Rows.selectLine + " WHERE guarantor_id = ?1 ORDER BY id", .text(guarantor.rawValue), decode: Rows.line)
    }

    public func hold(_ id: HoldID) throws -> Hold? {
        try read(LedgerQueries.holdByID, .text(id.rawValue), decode: Rows.hold).first
    }

    public func holds(on line: CreditLineID) throws -> [Hold] {
        try read(Rows.selectHold + " WHERE line_id = ?1 ORDER BY id", .text(line.rawValue), decode: Rows.hold)
    }

    public func holds(after: HoldID?, limit: Int) throws -> [Hold] {
        try read(Rows.selectHold + " WHERE ?1 IS NULL OR id > ?1 ORDER BY id LIMIT ?2",
                 .optional(after?.rawValue), .integer(Int64(limit)), decode: Rows.hold)
    }

    public func openHolds(expiringBy time: Timestamp, limit: Int) throws -> [Hold] {
        try read(Rows.selectHold + " WHERE state = 0 AND expires_at IS NOT NULL AND expires_at <= ?1 ORDER BY id LIMIT ?2",
                 .integer(time.millisecondsSince1970), .integer(Int64(limit)), decode: Rows.hold)
    }

    public func journal(line: CreditLineID?, after: Int64, limit: Int) throws -> [JournalEntry] {
        if let line {
            return try read(Rows.selectEntry + " WHERE line_id = ?1 AND sequence > ?2 ORDER BY sequence LIMIT ?3",
                            .text(line.rawValue), .integer(after), .integer(Int64(limit)), decode: Rows.entry)
        }
        return try read(Rows.selectEntry + " WHERE sequence > ?1 ORDER BY sequence LIMIT ?2",
                        .integer(after), .integer(Int64(limit)), decode: Rows.entry)
    }

    public func entry(for key: IdempotencyKey) throws -> JournalEntry? {
        try read(LedgerQueries.entryByKey, .text(key.rawValue), decode: Rows.entry).first
    }
}

/// The ledger's frequent point queries, built once.
enum LedgerQueries {
    static let lineByID = Rows.selectLine + " WHERE id = ?1"
    static let holdByID = Rows.selectHold + " WHERE id = ?1"
    static let entryByKey = Rows.selectEntry + " WHERE idempotency_key = ?1"
}
