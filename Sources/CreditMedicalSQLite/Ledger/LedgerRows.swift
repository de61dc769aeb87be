import CreditMedicalCore
import CreditMedicalStoreSupport

/// The SQL and the row mapping of lines, holds and journal entries.
enum Rows {
    /// Writes lines as ``bind(_:to:)-(CreditLine,_)`` binds them, new or changed.
    static let upsertLines = BulkInsert(
        table: "credit_lines",
        columns: ["id", "limit_fen", "held_fen", "outstanding_fen", "status", "opened_at", "updated_at", "guarantor_id",
                  "members_outstanding_fen"],
        updating: ["limit_fen", "held_fen", "outstanding_fen", "status", "updated_at", "members_outstanding_fen"])

    static let selectLine = upsertLines.select

    static func line(_ row: SQLiteStatement) -> CreditLine {
        CreditLine(
            id: CreditLineID(row.text(0)), limit: Money(fen: row.int64(1)), held: Money(fen: row.int64(2)),
            outstanding: Money(fen: row.int64(3)), status: CreditLineStatus(rawValue: Int(row.int64(4))),
            openedAt: Timestamp(millisecondsSince1970: row.int64(5)), updatedAt: Timestamp(millisecondsSince1970: row.int64(6)),
            guarantor: row.optionalText(7).map(CreditLineID.init), membersOutstanding: Money(fen: row.int64(8)))
    }

    static func bind(_ line: CreditLine, to row: inout SQLiteBinder) throws(SQLiteStoreError) {
        try row.bind(line.id.rawValue)
        try row.bind(line.limit.fen)
        try row.bind(line.held.fen)
        try row.bind(line.outstanding.fen)
        try row.bind(Int64(line.status.rawValue))
        try row.bind(line.openedAt.millisecondsSince1970)
        try row.bind(line.updatedAt.millisecondsSince1970)
        try row.bind(line.guarantor?.rawValue)
        try row.bind(line.membersOutstanding.fen)
    }

    /// Writes holds as ``bind(_:to:)-(Hold,_)`` binds them, new or changed.
    static let upsertHolds = BulkInsert(
        table: "holds",
        columns: ["id", "line_id", "amount_fen", "captured_fen", "state", "placed_at", "expires_at", "ended_at"],
        updating: ["amount_fen", "captured_fen", "state", "expires_at", "ended_at"])

    static let selectHold = upsertHolds.select

    static func hold(_ row: SQLiteStatement) throws(SQLiteStoreError) -> Hold {
        guard let state = HoldState(rawValue: Int(row.int64(4))) else { throw corrupt("hold state") }
        return Hold(
            id: HoldID(row.text(0)), line: CreditLineID(row.text(1)), amount: Money(fen: row.int64(2)),
            captured: Money(fen: row.int64(3)), state: state, placedAt: Timestamp(millisecondsSince1970: row.int64(5)),
            expiresAt: row.optionalInt64(6).map(Timestamp.init(millisecondsSince1970:)),
            endedAt: row.optionalInt64(7).map(Timestamp.init(millisecondsSince1970:)))
    }

    static func bind(_ hold: Hold, to row: inout SQLiteBinder) throws(SQLiteStoreError) {
        try row.bind(hold.id.rawValue)
        try row.bind(hold.line.rawValue)
        try row.bind(hold.amount.fen)
        try row.bind(hold.captured.fen)
        try row.bind(Int64(hold.state.rawValue))
        try row.bind(hold.placedAt.millisecondsSince1970)
        try row.bind(hold.expiresAt?.millisecondsSince1970)
        try row.bind(hold.endedAt?.millisecondsSince1970)
    }

    /// Appends journal entries as ``bind(_:to:)-(JournalEntry,_)`` binds them.
    static let insertEntries = BulkInsert(
        table: "journal",
        columns: ["sequence", "idempotency_key", "at", "kind", "line_id", "hold_id", "amount_fen", "expires_at", "limit_delta",
                  "held_delta", "outstanding_delta", "limit_after", "held_after", "outstanding_after", "status_after",
                  "hold_amount_after", "hold_state_after", "command_version", "command_detail", "guarantor_id", "guarantor_limit",
                  "guarantor_held_after", "guarantor_outstanding_after"])

    static let selectEntry = insertEntries.select

    static func entry(_ row: SQLiteStatement) throws(SQLiteStoreError) -> JournalEntry {
        let line = CreditLineID(row.text(4))
        let stored = StoredCommand(
            code: Int(row.int64(3)), version: Int(row.int64(17)), hold: row.optionalText(5).map(HoldID.init),
            amount: row.optionalInt64(6).map(Money.init(fen:)), time: row.optionalInt64(7).map(Timestamp.init(millisecondsSince1970:)),
            detail: row.optionalText(18))
        guard let command = JournalCommandCodec.decode(stored, line: line) else { throw corrupt("journal command") }
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
            holdAmountAfter: row.optionalInt64(15).map(Money.init(fen:)), holdStateAfter: holdState,
            guarantor: try GuarantorColumns.movement(line: row.optionalText(19), limit: row.optionalInt64(20), heldAfter: row.optionalInt64(21),
                                                     outstandingAfter: row.optionalInt64(22), invalid: corrupt("journal guarantor")))
    }

    static func bind(_ entry: JournalEntry, to row: inout SQLiteBinder) throws(SQLiteStoreError) {
        let command = JournalCommandCodec.encode(entry.command)
        try row.bind(entry.sequence)
        try row.bind(entry.key.rawValue)
        try row.bind(entry.timestamp.millisecondsSince1970)
        try row.bind(Int64(command.code))
        try row.bind(entry.line.rawValue)
        try row.bind(command.hold?.rawValue)
        try row.bind(command.amount?.fen)
        try row.bind(command.time?.millisecondsSince1970)
        try row.bind(entry.limitDelta.fen)
        try row.bind(entry.heldDelta.fen)
        try row.bind(entry.outstandingDelta.fen)
        try row.bind(entry.lineAfter.limit.fen)
        try row.bind(entry.lineAfter.held.fen)
        try row.bind(entry.lineAfter.outstanding.fen)
        try row.bind(Int64(entry.lineAfter.status.rawValue))
        try row.bind(entry.holdAmountAfter?.fen)
        try row.bind(entry.holdStateAfter.map { Int64($0.rawValue) })
        try row.bind(Int64(command.version))
        try row.bind(command.detail)
        try row.bind(entry.guarantor?.line.rawValue)
        try row.bind(entry.guarantor?.limit.fen)
        try row.bind(entry.guarantor?.heldAfter.fen)
        try row.bind(entry.guarantor?.outstandingAfter.fen)
    }

    private static func corrupt(_ what: String) -> SQLiteStoreError {
        SQLiteStoreError(.corruptRow, message: "A stored \(what) has a value this version does not know.")
    }
}
