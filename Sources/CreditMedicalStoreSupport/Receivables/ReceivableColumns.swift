package import CreditMedicalCore

/// How both SQL stores keep a ``Receivable``: one row per hold, the book's columns (what the
/// journal says) apart from the overdue job's (its ``CollectionProgress``), so that each writer
/// updates only its own. Decoding returns `nil` for a row this version cannot read; the store
/// reports it.
package enum ReceivableColumns {
    /// The tables of the receivables domain.
    package static let tables: Set<String> = ["receivables", "receivable_position", "collection_events", "write_offs"]

    /// Every column of `receivables`, in the order the stores write and read them: the hold (the
    /// key), the book's columns, then the overdue job's.
    package static let all = ["hold_id"] + journal + collection
    /// The book's columns: an advance updates these of a receivable that exists.
    package static let journal = ["line_id", "captured_at", "due_at", "grace_ends_at", "principal_fen", "repaid_fen", "written_off_fen", "paid_off_at"]
    /// The overdue job's columns: saving the collection updates only these, and an advance writes
    /// them only for a new receivable.
    package static let collection = ["steps_done", "review_at", "restricted"]

    /// The columns of the domain's tables that hold integers; every other column holds text.
    package static let integers: Set<String> = [
        "captured_at", "due_at", "grace_ends_at", "principal_fen", "repaid_fen", "written_off_fen", "paid_off_at", "steps_done", "review_at",
        "restricted", "position", "days_past_due", "owed_fen", "at", "seq", "amount_fen", "insurance_claim_fen", "subsidy_fen", "bank_loss_fen",
    ]

    /// The values of ``all`` for `receivable`.
    package static func values(_ receivable: Receivable) -> [StoredValue] {
        [.text(receivable.hold.rawValue), .text(receivable.line.rawValue), .integer(receivable.capturedAt.millisecondsSince1970),
         .integer(receivable.dueAt.millisecondsSince1970), .integer(receivable.graceEndsAt.millisecondsSince1970),
         .integer(receivable.principal.fen), .integer(receivable.repaid.fen), .integer(receivable.writtenOff.fen),
         .optional(receivable.paidOffAt?.millisecondsSince1970)]
            + collectionValues(receivable.collection)
    }

    /// The values of ``collection`` for `progress`.
    package static func collectionValues(_ progress: CollectionProgress) -> [StoredValue] {
        [.integer(Int64(progress.stepsDone)), .optional(progress.reviewAt?.millisecondsSince1970), .integer(progress.restricted ? 1 : 0)]
    }

    /// The receivable of a row of ``all``; `nil` when a column is missing or out of range.
    package static func receivable(_ row: some StoredRow) -> Receivable? {
        guard let hold = row.text(0), let line = row.text(1), let capturedAt = row.integer(2), let dueAt = row.integer(3),
              let graceEndsAt = row.integer(4), let principal = row.integer(5), let repaid = row.integer(6), let writtenOff = row.integer(7),
              let stepsDone = row.integer(9).flatMap({ Int(exactly: $0) }), let restricted = row.integer(11), restricted == 0 || restricted == 1
        else { return nil }
        let progress = CollectionProgress(stepsDone: stepsDone, reviewAt: row.integer(10).map(time), restricted: restricted == 1)
        return Receivable(hold: HoldID(hold), line: CreditLineID(line), capturedAt: time(capturedAt), dueAt: time(dueAt),
                          graceEndsAt: time(graceEndsAt), principal: Money(fen: principal), repaid: Money(fen: repaid),
                          writtenOff: Money(fen: writtenOff), paidOffAt: row.integer(8).map(time), collection: progress)
    }

    /// `receivables` with the last of each hold kept (as saving them one after the other would
    /// leave them), in the order of their holds: a statement writes a row once, and writers that
    /// lock rows in one order never deadlock.
    /// Takes nothing apart when they are in that order already, as the overdue job's pages are.
    package static func lastOfEachHold(_ receivables: [Receivable]) -> [Receivable] {
        if zip(receivables, receivables.dropFirst()).allSatisfy({ $0.hold < $1.hold }) { return receivables }
        let last = Dictionary(receivables.indices.map { (receivables[$0].hold, $0) }, uniquingKeysWith: { _, later in later })
        return last.sorted { $0.key < $1.key }.map { receivables[$0.value] }
    }

    /// Up to `limit` of two lists of receivables in the order of their holds, merged in that order.
    package static func merged(_ first: [Receivable], _ second: [Receivable], limit: Int) -> [Receivable] {
        guard !second.isEmpty else { return Array(first.prefix(limit)) }
        var merged: [Receivable] = []
        var (left, right) = (first.startIndex, second.startIndex)
        while merged.count < limit && (left < first.endIndex || right < second.endIndex) {
            if right == second.endIndex || left < first.endIndex && first[left].hold < second[right].hold {
                merged.append(first[left])
                left += 1
            } else {
                merged.append(second[right])
                right += 1
            }
        }
        return merged
    }

    private static func time(_ milliseconds: Int64) -> Timestamp { Timestamp(millisecondsSince1970: milliseconds) }
}
