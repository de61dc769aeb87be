package import CreditMedicalCore

/// How both SQL stores keep an ``EnrollmentStep``: the columns a query needs (enrollment, step
/// name, patient, time) and the event as JSON, which is read back.
package struct EnrollmentStepColumns: Sendable {
    package let enrollment: String
    package let step: String
    package let patient: String
    package let at: Int64
    /// The line a `requested` step names, for finding an enrollment by its line; else `nil`.
    package let line: String?
    package let detail: String

    /// The columns of `step`.
    package init(_ step: EnrollmentStep) throws {
        enrollment = step.enrollment
        self.step = step.event.name
        patient = step.patient
        at = step.at.millisecondsSince1970
        if case .requested(let request) = step.event { line = request.line.rawValue } else { line = nil }
        detail = try Self.written(step.event) ?? StoredJSON.text(step.event)
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

    package init(enrollment: String, step: String, patient: String, at: Int64, detail: String) {
        (self.enrollment, self.step, self.patient, self.at, self.line, self.detail) = (enrollment, step, patient, at, nil, detail)
    }

    /// The step these columns hold; `nil` when the detail is not an event this SDK wrote, or not
    /// the event the step's name says.
    package var enrollmentStep: EnrollmentStep? {
        guard let event = try? StoredJSON.value(EnrollmentStep.Event.self, from: detail), event.name == step else { return nil }
        return EnrollmentStep(enrollment: enrollment, patient: patient, at: Timestamp(millisecondsSince1970: at), event: event)
    }

    /// The columns' order in the stores' `SELECT`s.
    package static let names = "enrollment_id, step, patient_id, at, detail"
    /// The columns' order in the stores' `INSERT`s.
    package static let inserted = "enrollment_id, step, patient_id, at, detail, line_id"
}
