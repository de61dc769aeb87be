package import CreditMedicalCore

/// How both SQL stores keep a ``WriteOffRecord``, column by column, in `write_offs` (whose `seq`
/// keeps the order they were recorded in, and whose hold is unique: a receivable is written off
/// once).
package enum WriteOffColumns {
    /// The columns, in the order the stores write and read them.
    package static let all = ["hold_id", "line_id", "amount_fen", "insurance_claim_fen", "subsidy_fen", "bank_loss_fen", "days_past_due",
                              "policy", "at"]

    /// The values of ``all`` for `record`.
    package static func values(_ record: WriteOffRecord) -> [StoredValue] {
        [.text(record.hold.rawValue), .text(record.line.rawValue), .integer(record.amount.fen), .integer(record.insuranceClaim.fen),
         .integer(record.subsidy.fen), .integer(record.bankLoss.fen), .integer(Int64(record.daysPastDue)), .text(record.policy),
         .integer(record.at.millisecondsSince1970)]
    }

    /// The record of a row of ``all``; `nil` when a column is missing or out of range.
    package static func record(_ row: some StoredRow) -> WriteOffRecord? {
        guard let hold = row.text(0), let line = row.text(1), let amount = row.integer(2), let claim = row.integer(3), let subsidy = row.integer(4),
              let loss = row.integer(5), let days = row.integer(6).flatMap({ Int(exactly: $0) }), let policy = row.text(7), let at = row.integer(8)
        else { return nil }
        return WriteOffRecord(hold: HoldID(hold), line: CreditLineID(line), amount: Money(fen: amount), insuranceClaim: Money(fen: claim),
                              subsidy: Money(fen: subsidy), bankLoss: Money(fen: loss), daysPastDue: days, policy: policy,
                              at: Timestamp(millisecondsSince1970: at))
    }
}
