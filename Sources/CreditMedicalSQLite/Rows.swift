import CreditMedicalCore

/// The SQL and the row mapping of lines, holds and journal entries.
enum Rows {
    static let selectLine = "SELECT id, limit_fen, held_fen, outstanding_fen, status, opened_at, updated_at FROM credit_lines"

    /// Writes lines as ``values(of:)-(CreditLine)`` gives them, new or changed.
    static let upsertLines = BulkInsert(
        name: "lines",
        head: "INSERT OR ROLLBACK INTO credit_lines (id, limit_fen, held_fen, outstanding_fen, status, opened_at, updated_at) VALUES",
        columns: 7,
        tail: """
            ON CONFLICT (id) DO UPDATE SET limit_fen = excluded.limit_fen, held_fen = excluded.held_fen,
            outstanding_fen = excluded.outstanding_fen, status = excluded.status, updated_at = excluded.updated_at
            """)

    static func line(_ row: SQLiteStatement) -> CreditLine {
        CreditLine(
            id: CreditLineID(row.text(0)), limit: Money(fen: row.int64(1)), held: Money(fen: row.int64(2)),
            outstanding: Money(fen: row.int64(3)), status: CreditLineStatus(rawValue: Int(row.int64(4))),
            openedAt: Timestamp(millisecondsSince1970: row.int64(5)), updatedAt: Timestamp(millisecondsSince1970: row.int64(6)))
    }

    static func values(of line: CreditLine) -> [SQLiteValue] {
        [.text(line.id.rawValue), .integer(line.limit.fen), .integer(line.held.fen), .integer(line.outstanding.fen),
         .integer(Int64(line.status.rawValue)), .integer(line.openedAt.millisecondsSince1970),
         .integer(line.updatedAt.millisecondsSince1970)]
    }

    static let selectHold = "SELECT id, line_id, amount_fen, captured_fen, state, placed_at, expires_at, ended_at FROM holds"

    /// Writes holds as ``values(of:)-(Hold)`` gives them, new or changed.
    static let upsertHolds = BulkInsert(
        name: "holds",
        head: "INSERT OR ROLLBACK INTO holds (id, line_id, amount_fen, captured_fen, state, placed_at, expires_at, ended_at) VALUES",
        columns: 8,
        tail: """
            ON CONFLICT (id) DO UPDATE SET amount_fen = excluded.amount_fen, captured_fen = excluded.captured_fen,
            state = excluded.state, expires_at = excluded.expires_at, ended_at = excluded.ended_at
            """)

    static func hold(_ row: SQLiteStatement) throws(SQLiteStoreError) -> Hold {
        guard let state = HoldState(rawValue: Int(row.int64(4))) else { throw corrupt("hold state") }
        return Hold(
            id: HoldID(row.text(0)), line: CreditLineID(row.text(1)), amount: Money(fen: row.int64(2)),
            captured: Money(fen: row.int64(3)), state: state, placedAt: Timestamp(millisecondsSince1970: row.int64(5)),
            expiresAt: row.optionalInt64(6).map(Timestamp.init(millisecondsSince1970:)),
            endedAt: row.optionalInt64(7).map(Timestamp.init(millisecondsSince1970:)))
    }

    static func values(of hold: Hold) -> [SQLiteValue] {
        [.text(hold.id.rawValue), .text(hold.line.rawValue), .integer(hold.amount.fen), .integer(hold.captured.fen),
         .integer(Int64(hold.state.rawValue)), .integer(hold.placedAt.millisecondsSince1970),
         .optional(hold.expiresAt?.millisecondsSince1970), .optional(hold.endedAt?.millisecondsSince1970)]
    }

    static let selectEntry = """
        SELECT sequence, idempotency_key, at, kind, line_id, hold_id, amount_fen, expires_at, limit_delta, held_delta,
        outstanding_delta, limit_after, held_after, outstanding_after, status_after, hold_amount_after, hold_state_after
        FROM journal
        """

    /// Appends journal entries as ``values(of:)-(JournalEntry)`` gives them.
    static let insertEntries = BulkInsert(
        name: "journal",
        head: """
            INSERT OR ROLLBACK INTO journal (sequence, idempotency_key, at, kind, line_id, hold_id, amount_fen, expires_at,
            limit_delta, held_delta, outstanding_delta, limit_after, held_after, outstanding_after, status_after,
            hold_amount_after, hold_state_after) VALUES
            """,
        columns: 17)

    static func entry(_ row: SQLiteStatement) throws(SQLiteStoreError) -> JournalEntry {
        let line = CreditLineID(row.text(4))
        guard let kind = LedgerCommand.Kind(rawValue: Int(row.int64(3))),
              let command = LedgerCommand(
                kind: kind, line: line, hold: row.optionalText(5).map(HoldID.init), amount: row.optionalInt64(6).map(Money.init(fen:)),
                expiresAt: row.optionalInt64(7).map(Timestamp.init(millisecondsSince1970:)))
        else { throw corrupt("journal command") }
        let holdState = try row.optionalInt64(16).map { (raw) throws(SQLiteStoreError) -> HoldState in
            guard let state = HoldState(rawValue: Int(raw)) else { throw corrupt("journal hold state") }
            return state
        }
        return JournalEntry(
            sequence: row.int64(0), key: IdempotencyKey(row.text(1)), timestamp: Timestamp(millisecondsSince1970: row.int64(2)),
            command: command, line: line, limitDelta: Money(fen: row.int64(8)), heldDelta: Money(fen: row.int64(9)),
            outstandingDelta: Money(fen: row.int64(10)),
            lineAfter: CreditLineBalances(
                limit: Money(fen: row.int64(11)), held: Money(fen: row.int64(12)), outstanding: Money(fen: row.int64(13)),
                status: CreditLineStatus(rawValue: Int(row.int64(14)))),
            holdAmountAfter: row.optionalInt64(15).map(Money.init(fen:)), holdStateAfter: holdState)
    }

    static func values(of entry: JournalEntry) -> [SQLiteValue] {
        let command = entry.command
        return [
            .integer(entry.sequence), .text(entry.key.rawValue), .integer(entry.timestamp.millisecondsSince1970),
            .integer(Int64(command.kind.rawValue)), .text(entry.line.rawValue), .optional(command.holdID?.rawValue),
            .optional(command.amount?.fen), .optional(command.expiresAt?.millisecondsSince1970),
            .integer(entry.limitDelta.fen), .integer(entry.heldDelta.fen), .integer(entry.outstandingDelta.fen),
            .integer(entry.lineAfter.limit.fen), .integer(entry.lineAfter.held.fen), .integer(entry.lineAfter.outstanding.fen),
            .integer(Int64(entry.lineAfter.status.rawValue)), .optional(entry.holdAmountAfter?.fen),
            .optional(entry.holdStateAfter.map { Int64($0.rawValue) }),
        ]
    }

    private static func corrupt(_ what: String) -> SQLiteStoreError {
        SQLiteStoreError(.corruptRow, message: "A stored \(what) has a value this version does not know.")
    }
}
