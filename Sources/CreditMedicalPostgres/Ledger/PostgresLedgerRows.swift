import CreditMedicalCore
import CreditMedicalStoreSupport
import Foundation

/// The SQL and the row mapping of lines, holds and journal entries.
enum PostgresLedgerRows {
    static let lineColumns = "id, limit_fen, held_fen, outstanding_fen, status, opened_at, updated_at, guarantor_id, members_outstanding_fen"
    static let holdColumns = "id, line_id, amount_fen, captured_fen, state, placed_at, expires_at, ended_at"
    static let entryColumns = """
        sequence, idempotency_key, at, kind, line_id, hold_id, amount_fen, expires_at, limit_delta, held_delta, \
        outstanding_delta, limit_after, held_after, outstanding_after, status_after, hold_amount_after, hold_state_after, \
        command_version, command_detail, guarantor_id, guarantor_limit, guarantor_held_after, guarantor_outstanding_after
        """
    /// The ledger's tables.
    static let tables: Set<String> = ["journal", "credit_lines", "holds"]
    /// The ledger's columns that hold integers; every other column holds text.
    static let integers: Set<String> = [
        "limit_fen", "held_fen", "outstanding_fen", "status", "opened_at", "updated_at", "amount_fen", "captured_fen", "state",
        "placed_at", "expires_at", "ended_at", "sequence", "at", "kind", "limit_delta", "held_delta", "outstanding_delta",
        "limit_after", "held_after", "outstanding_after", "status_after", "hold_amount_after", "hold_state_after", "command_version",
        "members_outstanding_fen", "guarantor_limit", "guarantor_held_after", "guarantor_outstanding_after",
    ]

    static func lines(_ result: PostgresResult) throws(PostgresStoreError) -> [CreditLine] {
        try (0..<result.count).map { (row) throws(PostgresStoreError) in
            let r = Row(result: result, row: row)
            return CreditLine(
                id: CreditLineID(try r.text(0)), limit: Money(fen: try r.int(1)), held: Money(fen: try r.int(2)),
                outstanding: Money(fen: try r.int(3)), status: CreditLineStatus(rawValue: Int(try r.int(4))),
                openedAt: Timestamp(millisecondsSince1970: try r.int(5)), updatedAt: Timestamp(millisecondsSince1970: try r.int(6)),
                guarantor: r.optionalText(7).map(CreditLineID.init), membersOutstanding: Money(fen: try r.int(8)))
        }
    }

    static func values(of line: CreditLine) -> [PostgresValue] {
        [.text(line.id.rawValue), .integer(line.limit.fen), .integer(line.held.fen), .integer(line.outstanding.fen),
         .integer(Int64(line.status.rawValue)), .integer(line.openedAt.millisecondsSince1970),
         .integer(line.updatedAt.millisecondsSince1970), .optional(line.guarantor?.rawValue), .integer(line.membersOutstanding.fen)]
    }

    static func holds(_ result: PostgresResult) throws(PostgresStoreError) -> [Hold] {
        try (0..<result.count).map { (row) throws(PostgresStoreError) in
            let r = Row(result: result, row: row)
            guard let state = HoldState(rawValue: Int(try r.int(4))) else { throw corrupt("hold state") }
            return Hold(
                id: HoldID(try r.text(0)), line: CreditLineID(try r.text(1)), amount: Money(fen: try r.int(2)),
                captured: Money(fen: try r.int(3)), state: state, placedAt: Timestamp(millisecondsSince1970: try r.int(5)),
                expiresAt: r.optionalInt(6).map(Timestamp.init(millisecondsSince1970:)),
                endedAt: r.optionalInt(7).map(Timestamp.init(millisecondsSince1970:)))
        }
    }

    static func values(of hold: Hold) -> [PostgresValue] {
        [.text(hold.id.rawValue), .text(hold.line.rawValue), .integer(hold.amount.fen), .integer(hold.captured.fen),
         .integer(Int64(hold.state.rawValue)), .integer(hold.placedAt.millisecondsSince1970),
         .optional(hold.expiresAt?.millisecondsSince1970), .optional(hold.endedAt?.millisecondsSince1970)]
    }

    static func entries(_ result: PostgresResult) throws(PostgresStoreError) -> [JournalEntry] {
        try (0..<result.count).map { (row) throws(PostgresStoreError) in
            let r = Row(result: result, row: row)
            let line = CreditLineID(try r.text(4))
            let stored = StoredCommand(
                code: Int(try r.int(3)), version: Int(try r.int(17)), hold: r.optionalText(5).map(HoldID.init),
                amount: r.optionalInt(6).map(Money.init(fen:)), time: r.optionalInt(7).map(Timestamp.init(millisecondsSince1970:)),
                detail: r.optionalText(18))
            guard let command = JournalCommandCodec.decode(stored, line: line) else { throw corrupt("journal command") }
            var holdState: HoldState?
            if let raw = r.optionalInt(16) {
                guard let state = HoldState(rawValue: Int(raw)) else { throw corrupt("journal hold state") }
                holdState = state
            }
            return JournalEntry(
                sequence: try r.int(0), key: IdempotencyKey(try r.text(1)), timestamp: Timestamp(millisecondsSince1970: try r.int(2)),
                command: command, line: line, limitDelta: Money(fen: try r.int(8)), heldDelta: Money(fen: try r.int(9)),
                outstandingDelta: Money(fen: try r.int(10)),
                lineAfter: CreditLineBalances(
                    limit: Money(fen: try r.int(11)), held: Money(fen: try r.int(12)), outstanding: Money(fen: try r.int(13)),
                    status: CreditLineStatus(rawValue: Int(try r.int(14)))),
                holdAmountAfter: r.optionalInt(15).map(Money.init(fen:)), holdStateAfter: holdState,
                guarantor: try GuarantorColumns.movement(line: r.optionalText(19), limit: r.optionalInt(20), heldAfter: r.optionalInt(21),
                                                         outstandingAfter: r.optionalInt(22), invalid: corrupt("journal guarantor")))
        }
    }

    static func values(of entry: JournalEntry) -> [PostgresValue] {
        let command = JournalCommandCodec.encode(entry.command)
        return [.integer(entry.sequence), .text(entry.key.rawValue), .integer(entry.timestamp.millisecondsSince1970),
                .integer(Int64(command.code)), .text(entry.line.rawValue), .optional(command.hold?.rawValue),
                .optional(command.amount?.fen), .optional(command.time?.millisecondsSince1970), .integer(entry.limitDelta.fen),
                .integer(entry.heldDelta.fen), .integer(entry.outstandingDelta.fen), .integer(entry.lineAfter.limit.fen),
                .integer(entry.lineAfter.held.fen), .integer(entry.lineAfter.outstanding.fen),
                .integer(Int64(entry.lineAfter.status.rawValue)), .optional(entry.holdAmountAfter?.fen),
                .optional(entry.holdStateAfter.map { Int64($0.rawValue) }), .integer(Int64(command.version)), .optional(command.detail),
                .optional(entry.guarantor?.line.rawValue), .optional(entry.guarantor?.limit.fen), .optional(entry.guarantor?.heldAfter.fen),
                .optional(entry.guarantor?.outstandingAfter.fen)]
    }

    /// A text array parameter (`{"a","b"}`) for `= ANY($n::text[])`.
    static func array(_ texts: some Sequence<String>) -> PostgresValue {
        array(literals: texts.map(PostgresValue.text))
    }

    /// An array parameter of values (`{"a",NULL}`, `{1,NULL}`): texts quoted, with `\` and `"`
    /// escaped. Written as bytes into one buffer: batches send thousands of elements per column.
    static func array(literals values: some Sequence<PostgresValue>) -> PostgresValue {
        var literal: [UInt8] = [UInt8(ascii: "{")]
        literal.reserveCapacity(values.underestimatedCount * 12 + 2)
        for (index, value) in values.enumerated() {
            if index > 0 { literal.append(UInt8(ascii: ",")) }
            switch value {
            case .null:
                literal += "NULL".utf8
            case .integer(let number):
                literal += String(number).utf8
            case .text(let text):
                literal.append(UInt8(ascii: "\""))
                for byte in text.utf8 {
                    if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { literal.append(UInt8(ascii: "\\")) }
                    literal.append(byte)
                }
                literal.append(UInt8(ascii: "\""))
            }
        }
        literal.append(UInt8(ascii: "}"))
        return .text(String(decoding: literal, as: UTF8.self))
    }

    /// One row of a result, read with typed checks.
    private struct Row {
        let result: PostgresResult
        let row: Int

        func text(_ column: Int) throws(PostgresStoreError) -> String {
            guard let text = result.text(row, column) else { throw corrupt("NULL in column \(column)") }
            return text
        }

        func int(_ column: Int) throws(PostgresStoreError) -> Int64 {
            guard let value = result.int64(row, column) else { throw corrupt("value in column \(column)") }
            return value
        }

        func optionalText(_ column: Int) -> String? { result.text(row, column) }
        func optionalInt(_ column: Int) -> Int64? { result.int64(row, column) }
    }

    /// The error for a stored row this version cannot read; `what` names the table or column.
    static func corrupt(_ what: String) -> PostgresStoreError {
        PostgresStoreError(.corruptRow, context: ["row": what])
    }
}
