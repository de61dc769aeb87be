/// Where an enrollment stands, read from its steps.
public enum EnrollmentStatus: Sendable, Hashable {
    /// Requested and not finished: submitting it again resumes it.
    case inProgress
    /// Refused, with every rule that failed.
    case refused(reasons: [EligibilityDecision.Failure])
    /// The line is open with this grant.
    case open(EnrollmentGrant)
    /// Cancelled after it was open; the line is closed.
    case cancelled(EnrollmentGrant)

    /// The status `steps` (of one enrollment, in order) add up to.
    public init(steps: [EnrollmentStep]) {
        var status = EnrollmentStatus.inProgress
        var grant: EnrollmentGrant?
        for step in steps {
            switch step.event {
            case .requested, .checked: break
            case .granted(let granted): grant = granted
            case .refused(let reasons): status = .refused(reasons: reasons)
            case .opened: if let grant { status = .open(grant) }
            case .cancelled: if let grant { status = .cancelled(grant) }
            case .reviewed(let change):
                grant = grant?.changed(to: change)
                if case .open = status, let grant { status = .open(grant) }
            }
        }
        self = status
    }

    /// Whether the enrollment holds or may still hold a line: in progress or open.
    public var isActive: Bool {
        switch self {
        case .inProgress, .open: true
        case .refused, .cancelled: false
        }
    }
}
