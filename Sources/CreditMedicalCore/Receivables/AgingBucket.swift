/// How long a receivable has been overdue, in the buckets banks report (账龄).
public enum AgingBucket: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Not overdue: not yet due, or within the grace period.
    case current
    /// 1 to 30 days past due.
    case days1To30 = "1-30"
    /// 31 to 60 days past due.
    case days31To60 = "31-60"
    /// 61 to 90 days past due.
    case days61To90 = "61-90"
    /// More than 90 days past due.
    case over90 = "90+"

    /// The bucket of a receivable overdue by `days` days past its due date.
    public init(daysPastDue days: Int) {
        switch days {
        case ..<1: self = .current
        case 1...30: self = .days1To30
        case 31...60: self = .days31To60
        case 61...90: self = .days61To90
        default: self = .over90
        }
    }

    public static func < (lhs: AgingBucket, rhs: AgingBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
