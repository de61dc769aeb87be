package import CreditMedicalCore

/// How both SQL stores keep an ``ArrearsEvent`` in `arrears_events`: the columns a query needs
/// (entry, step name, time, and for a listing its patient, subject and line) and the change as
/// JSON, which is read back.
package enum ArrearsEventColumns {
    /// The history of the arrears list's steps, one of each name per entry.
    package static let table = HistoryTable<ArrearsEvent>(
        "arrears_events", of: "arrears step", columns: ["entry_id", "step", "at", "detail", "patient_id", "subject", "line_id"],
        key: "entry_id, step", values: values, decode: { event($0) })

    /// The values of the table's columns for `event`; the patient, subject and line are those a
    /// `listed` step names, for finding entries by them, else NULL.
    static func values(_ event: ArrearsEvent) throws -> [StoredValue] {
        var named: (patient: String?, subject: String?, line: String?) = (nil, nil, nil)
        if case .listed(let listing) = event.change { named = (listing.patient, listing.subject.rawValue, listing.line.rawValue) }
        return [.text(event.entry.rawValue), .text(event.change.name), .integer(event.at.millisecondsSince1970),
                .text(try StoredJSON.text(event.change)), .optional(named.patient), .optional(named.subject), .optional(named.line)]
    }

    /// The event of a row of the table's columns; `nil` when the detail is not a change this SDK
    /// wrote, or not the change the step's name says.
    static func event(_ row: some StoredRow) -> ArrearsEvent? {
        guard let entry = row.text(0), let step = row.text(1), let at = row.integer(2),
              let change = row.text(3).flatMap({ try? StoredJSON.value(ArrearsEvent.Change.self, from: $0) }), change.name == step
        else { return nil }
        return ArrearsEvent(entry: ArrearsEntryID(entry), at: Timestamp(millisecondsSince1970: at), change: change)
    }

    /// The queries by patient, subject and line: the column each compares.
    package static func column(of lookup: ArrearsLookup) -> String {
        switch lookup {
        case .patient: "patient_id"
        case .subject: "subject"
        case .line: "line_id"
        }
    }
}

/// What the stores find entries by, with the value compared.
package enum ArrearsLookup: Sendable {
    case patient(String)
    case subject(ArrearsSubject)
    case line(CreditLineID)

    /// The value the query binds.
    package var value: String {
        switch self {
        case .patient(let patient): patient
        case .subject(let subject): subject.rawValue
        case .line(let line): line.rawValue
        }
    }
}
