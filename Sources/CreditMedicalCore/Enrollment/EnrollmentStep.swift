/// One recorded step of an enrollment (a saga): the application, the eligibility check on the
/// features gathered, the grant or the refusal, the line opened, the cancellation. Each step is
/// recorded once; an enrollment resumes from its last step.
public struct EnrollmentStep: Sendable, Hashable, Codable {
    /// What happened.
    public enum Event: Sendable, Hashable, Codable {
        /// The application, as submitted.
        case requested(EnrollmentRequest)
        /// The features gathered and what the eligibility rules found on them.
        case checked(features: ApplicantFeatures, eligibility: EligibilityDecision)
        /// The bank's line, the score and the limit; the line is to be opened with it.
        case granted(EnrollmentGrant)
        /// Refused, with every rule that failed; final.
        case refused(reasons: [EligibilityDecision.Failure])
        /// The line is open in the ledger.
        case opened
        /// Cancelled (解约) with the consent event that cancelled it; the line is closed. Final.
        case cancelled(consentEvent: String)
        /// A review changed the line (see ``LimitReview``).
        case reviewed(LimitChange)

        /// The step's name, unique within an enrollment: `requested`, `checked`, `granted`,
        /// `refused`, `opened`, `cancelled`, or `reviewed/` and the change's ``LimitChange/basis``.
        public var name: String {
            switch self {
            case .requested: "requested"
            case .checked: "checked"
            case .granted: "granted"
            case .refused: "refused"
            case .opened: "opened"
            case .cancelled: "cancelled"
            case .reviewed(let change): "reviewed/\(change.basis)"
            }
        }
    }

    /// The enrollment's id (``EnrollmentRequest/id``) and its patient.
    public let enrollment: String
    public let patient: String
    public let at: Timestamp
    public let event: Event

    public init(enrollment: String, patient: String, at: Timestamp, event: Event) {
        self.enrollment = enrollment
        self.patient = patient
        self.at = at
        self.event = event
    }
}
