/// One thing the overdue job did about a receivable, recorded for the patient's file and the
/// auditor: a step taken or passed over, or the restrictions lifted after repayment.
public struct CollectionEvent: Sendable, Hashable, Codable {
    /// What happened.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The step was taken: sent, restricted, handed over or listed.
        case taken
        /// A late run found a later step due too: only the latest message goes out.
        case passedOver = "passed_over"
        /// Another receivable of the line had taken this restriction already.
        case alreadyRestricted = "already_restricted"
        /// The step lists the patient, and the job has no ``CollectionListing``.
        case notConfigured = "not_configured"
        /// The line's restrictions were lifted once nothing on it was overdue any more.
        case lifted
    }

    /// Unique: `collection/HOLD/STEP` (or `…/lift`), also the id of what was sent.
    public let id: String
    public let hold: HoldID
    public let line: CreditLineID
    /// The step's name (`lift` for a lifting).
    public let step: String
    public let action: CollectionAction?
    public let outcome: Outcome
    /// Days past the due date when it happened, and what was owed.
    public let daysPastDue: Int
    public let owed: Money
    public let at: Timestamp

    public init(id: String, hold: HoldID, line: CreditLineID, step: String, action: CollectionAction?, outcome: Outcome,
                daysPastDue: Int, owed: Money, at: Timestamp) {
        self.id = id
        self.hold = hold
        self.line = line
        self.step = step
        self.action = action
        self.outcome = outcome
        self.daysPastDue = daysPastDue
        self.owed = owed
        self.at = at
    }
}

/// Puts a patient on the arrears list (欠费名单) when the ladder says so; the arrears list of the
/// deployment implements it.
public protocol CollectionListing: Sendable {
    /// Lists the holder of the receivable's line for what it owes, under `rule` (the step's name);
    /// `id` makes repeating it safe.
    func list(_ receivable: Receivable, holder: String?, rule: String, id: String, at time: Timestamp) async throws
    /// Whether a listing stands on the line: the job then leaves its freeze in place.
    func isListed(_ line: CreditLineID) async throws -> Bool
}
