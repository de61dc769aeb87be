/// A repayment, receivable or collection request refused; nothing changed.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public typealias ReceivableError = DomainError<ReceivableErrorDomain>

/// The domain of ``ReceivableError``: its codes are static members of `ReceivableError.Code`.
public enum ReceivableErrorDomain: ErrorDomain {
    public static let generalSentence = "Receivable error."
}

extension ReceivableError.Code {
    /// Repayment terms out of range; the context gives them.
    public static let invalidTerms = Self("receivable.invalid_terms", "Repayment terms must be between 0 and 3650 days.")
    /// An identifier breaks an ``InputRule``; the context names the `field` and the `rule`.
    public static let invalidInput = Self("receivable.invalid_input", "An identifier breaks an input rule.")
    /// A repayment of zero or less.
    public static let invalidAmount = Self("receivable.invalid_amount", "A repayment must be more than zero.")
    /// No line has this id.
    public static let unknownLine = Self("receivable.unknown_line", "There is no credit line with this id.")
    /// The repayment is more than the line owes (or, on a guarantor line, owes itself); the details
    /// give the amounts.
    public static let overPayment = Self(
        "receivable.over_payment", "The repayment is more than the line owes; nothing was taken. Repay at most what is owed.")
    /// Old arrears are more than the line has available; nothing was moved.
    public static let beyondLimit = Self("receivable.beyond_limit", "The line does not have that much available; nothing was moved onto it.")
    /// A family agent's repayment names no agent, or an agent for another channel.
    public static let agentMissing = Self("receivable.agent_missing", "A family agent's repayment must name the agent.")
    /// The overdue job runs another collection ladder than the one its receivable book schedules
    /// new receivables by; the context names both.
    public static let ladderMismatch = Self("receivable.ladder_mismatch", "The overdue job and its receivable book name different collection ladders.")
    /// No receivable has this hold.
    public static let notFound = Self("receivable.not_found", "There is no receivable for this hold.")
    /// The receivable is not far enough past due to be written off; the context gives its
    /// `days_past_due` and the policy's `required` days.
    public static let notYetBadDebt = Self("receivable.not_yet_bad_debt", "The receivable is not far enough past due to be written off.")
    /// The receivable owes nothing to write off.
    public static let nothingOwed = Self("receivable.nothing_owed", "The receivable owes nothing.")
    /// The store's receivables moved on while this process folded the journal: read again.
    public static let positionMoved = Self("receivable.position_moved", "Another process brought the receivables up to date first.")
    /// The receivables disagree with the ledger; the context names the `line`.
    public static let outOfStep = Self("receivable.out_of_step", "A line's receivables do not add up to what it owes.")
}
