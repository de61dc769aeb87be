/// What a patient owes the bank for one captured hold (应还款项): the self-pay part of one settled
/// visit, or old arrears moved onto the line. It comes from the ledger's journal, never from a
/// caller: the capture creates it, a reversal shrinks it, and repayments of its line pay it off,
/// oldest first (see `ReceivableFold`).
///
/// Its id is the hold's: one capture, one receivable.
public struct Receivable: Sendable, Hashable, Codable {
    /// The captured hold it came from; for a visit, the hold the desk derived from the encounter.
    public let hold: HoldID
    /// The line it is owed on (a member's own line for a family member's visit).
    public let line: CreditLineID
    /// When the hold was captured: the settlement.
    public let capturedAt: Timestamp
    /// When it is due, from the bank's ``RepaymentTerms``.
    public let dueAt: Timestamp
    /// Until when a payment still counts as on time.
    public let graceEndsAt: Timestamp
    /// What was captured, less what reversals took back.
    public internal(set) var principal: Money
    /// What repayments paid of it.
    public internal(set) var repaid: Money
    /// What was written off as bad debt (核销).
    public internal(set) var writtenOff: Money
    /// When nothing was owed any more (paid, reversed or written off); `nil` while something is.
    public internal(set) var paidOffAt: Timestamp?
    /// Where collection stands: written by the overdue job only.
    public var collection: CollectionProgress

    /// A receivable as a store loads it.
    public init(
        hold: HoldID, line: CreditLineID, capturedAt: Timestamp, dueAt: Timestamp, graceEndsAt: Timestamp,
        principal: Money, repaid: Money = .zero, writtenOff: Money = .zero, paidOffAt: Timestamp? = nil, collection: CollectionProgress? = nil
    ) {
        self.hold = hold
        self.line = line
        self.capturedAt = capturedAt
        self.dueAt = dueAt
        self.graceEndsAt = graceEndsAt
        self.principal = principal
        self.repaid = repaid
        self.writtenOff = writtenOff
        self.paidOffAt = paidOffAt
        self.collection = collection ?? CollectionProgress(reviewAt: capturedAt)
    }

    /// What is still owed: ``principal`` less ``repaid`` and ``writtenOff``.
    public var owed: Money { Money(fen: principal.fen - repaid.fen - writtenOff.fen) }

    /// Whole days since the due date at `time`: negative before it, zero on the due day.
    public func daysPastDue(at time: Timestamp) -> Int {
        let milliseconds = time.millisecondsSince1970 - dueAt.millisecondsSince1970
        let day = Int64(86_400_000)
        return Int(milliseconds >= 0 ? milliseconds / day : -((-milliseconds + day - 1) / day))
    }

    /// Whether something is owed after the grace period at `time`.
    public func isOverdue(at time: Timestamp) -> Bool { owed.isPositive && time > graceEndsAt }

    /// The aging bucket at `time`: ``AgingBucket/current`` unless it is overdue.
    public func bucket(at time: Timestamp) -> AgingBucket {
        isOverdue(at: time) ? AgingBucket(daysPastDue: daysPastDue(at: time)) : .current
    }
}

/// Where the collection of one receivable stands: how many steps of the collection ladder it has
/// been through, when the overdue job should look at it next, and whether a step restricted its
/// line. A store saves it apart from the rest of the receivable, so the overdue job and the
/// receivable's repayments never overwrite each other.
public struct CollectionProgress: Sendable, Hashable, Codable {
    /// How many of the ladder's steps are done (sent, or passed over by a later one).
    public var stepsDone: Int
    /// When the overdue job should look at it next, while something is owed; `nil` when no step is
    /// left.
    public var reviewAt: Timestamp?
    /// Whether a step restricted the line (suspended, cut or froze it): when the receivable is
    /// paid off, the overdue job lifts what it can.
    public var restricted: Bool

    public init(stepsDone: Int = 0, reviewAt: Timestamp?, restricted: Bool = false) {
        self.stepsDone = stepsDone
        self.reviewAt = reviewAt
        self.restricted = restricted
    }
}
