package import CreditMedicalCore

/// How both SQL stores keep a ``CollectionEvent``, column by column, in `collection_events`
/// (whose `seq` keeps the order they were recorded in).
package enum CollectionEventColumns {
    /// The columns, in the order the stores write and read them.
    package static let all = ["id", "hold_id", "line_id", "step", "action", "outcome", "days_past_due", "owed_fen", "at"]

    /// The values of ``all`` for `event`.
    package static func values(_ event: CollectionEvent) -> [StoredValue] {
        [.text(event.id), .text(event.hold.rawValue), .text(event.line.rawValue), .text(event.step), .optional(event.action?.rawValue),
         .text(event.outcome.rawValue), .integer(Int64(event.daysPastDue)), .integer(event.owed.fen), .integer(event.at.millisecondsSince1970)]
    }

    /// The event of a row of ``all``; `nil` when a column is missing or holds a value this version
    /// does not know.
    package static func event(_ row: some StoredRow) -> CollectionEvent? {
        guard let id = row.text(0), let hold = row.text(1), let line = row.text(2), let step = row.text(3),
              let outcome = row.text(5).flatMap(CollectionEvent.Outcome.init), let days = row.integer(6).flatMap({ Int(exactly: $0) }),
              let owed = row.integer(7), let at = row.integer(8)
        else { return nil }
        var action: CollectionAction?
        if let name = row.text(4) {
            guard let known = CollectionAction(rawValue: name) else { return nil }
            action = known
        }
        return CollectionEvent(id: id, hold: HoldID(hold), line: CreditLineID(line), step: step, action: action, outcome: outcome,
                               daysPastDue: days, owed: Money(fen: owed), at: Timestamp(millisecondsSince1970: at))
    }
}
