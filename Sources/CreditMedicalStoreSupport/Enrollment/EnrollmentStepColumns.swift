package import CreditMedicalCore

/// How both SQL stores keep an ``EnrollmentStep`` in `enrollment_steps`: the columns a query needs
/// (enrollment, step name, patient, time, and for a request its line) and the event as JSON, which
/// is read back.
package enum EnrollmentStepColumns {
    /// The history of enrollment steps, one of each name per enrollment.
    package static let table = HistoryTable<EnrollmentStep>(
        "enrollment_steps", of: "enrollment step", columns: ["enrollment_id", "step", "patient_id", "at", "detail", "line_id"],
        key: "enrollment_id, step", values: values, decode: { step($0) })

    /// The values of the table's columns for `step`; the line is the one a `requested` step names,
    /// for finding an enrollment by its line, else NULL.
    static func values(_ step: EnrollmentStep) throws -> [StoredValue] {
        var line: String?
        if case .requested(let request) = step.event { line = request.line.rawValue }
        return [.text(step.enrollment), .text(step.event.name), .text(step.patient), .integer(step.at.millisecondsSince1970),
                .text(try written(step.event) ?? StoredJSON.text(step.event)), .optional(line)]
    }

    /// The JSON of the events written most often (a review writes one per changed line),
    /// written directly: the text the encoder writes, many times faster. `nil` for the others.
    package static func written(_ event: EnrollmentStep.Event) -> String? {
        func money(_ amount: Money) -> String { "{\"fen\":\(amount.fen)}" }
        let quoted = StoredJSON.quoted
        switch event {
        case .opened:
            return "{\"opened\":{}}"
        case .granted(let grant):
            return "{\"granted\":{\"_0\":{\"bankLimit\":\(money(grant.bankLimit)),\"limit\":\(money(grant.limit)),\"score\":\(grant.score),"
                + "\"scoreRecord\":\(quoted(grant.scoreRecord)),\"tier\":\(quoted(grant.tier))}}}"
        case .reviewed(let change):
            return "{\"reviewed\":{\"_0\":{\"action\":\(quoted(change.action.rawValue)),\"basis\":\(quoted(change.basis)),"
                + "\"limit\":\(money(change.limit)),\"reason\":{\"chinese\":\(quoted(change.reason.chinese)),"
                + "\"english\":\(quoted(change.reason.english))},\"tier\":\(quoted(change.tier))}}}"
        case .cancelled(let consentEvent):
            return "{\"cancelled\":{\"consentEvent\":\(quoted(consentEvent))}}"
        case .requested, .checked, .refused:
            return nil
        }
    }

    /// The step of a row of the table's columns; `nil` when the detail is not an event this SDK
    /// wrote, or not the event the step's name says.
    static func step(_ row: some StoredRow) -> EnrollmentStep? {
        guard let enrollment = row.text(0), let name = row.text(1), let patient = row.text(2), let at = row.integer(3),
              let event = row.text(4).flatMap({ try? StoredJSON.value(EnrollmentStep.Event.self, from: $0) }), event.name == name
        else { return nil }
        return EnrollmentStep(enrollment: enrollment, patient: patient, at: Timestamp(millisecondsSince1970: at), event: event)
    }
}
