package import CreditMedicalCore

/// How both SQL stores keep an ``ArrearsEvent``: the columns a query needs (entry, step name,
/// time, and for a listing its patient, subject and line) and the change as JSON, which is read
/// back.
package struct ArrearsEventColumns: Sendable {
    package let entry: String
    package let step: String
    package let at: Int64
    /// The patient, subject and line a `listed` step names, for finding entries by them; else `nil`.
    package let patient: String?
    package let subject: String?
    package let line: String?
    package let detail: String

    /// The columns of `event`.
    package init(_ event: ArrearsEvent) throws {
        entry = event.entry.rawValue
        step = event.change.name
        at = event.at.millisecondsSince1970
        if case .listed(let listing) = event.change {
            (patient, subject, line) = (listing.patient, listing.subject.rawValue, listing.line.rawValue)
        } else {
            (patient, subject, line) = (nil, nil, nil)
        }
        detail = try StoredJSON.text(event.change)
    }

    package init(entry: String, step: String, at: Int64, detail: String) {
        (self.entry, self.step, self.at, self.patient, self.subject, self.line, self.detail) = (entry, step, at, nil, nil, nil, detail)
    }

    /// The event these columns hold; `nil` when the detail is not a change this SDK wrote, or not
    /// the change the step's name says.
    package var event: ArrearsEvent? {
        guard let change = try? StoredJSON.value(ArrearsEvent.Change.self, from: detail), change.name == step else { return nil }
        return ArrearsEvent(entry: ArrearsEntryID(entry), at: Timestamp(millisecondsSince1970: at), change: change)
    }

    /// The columns' order in the stores' `SELECT`s.
    package static let names = "entry_id, step, at, detail"
    /// The columns' order in the stores' `INSERT`s.
    package static let inserted = "entry_id, step, at, detail, patient_id, subject, line_id"

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
