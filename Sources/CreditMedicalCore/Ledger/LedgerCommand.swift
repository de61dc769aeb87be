/// One change to the ledger. Commands are data: the ``LedgerStateMachine`` decides what they do.
public enum LedgerCommand: Sendable, Hashable, Codable {
    /// Opens a line with a limit (zero or more).
    case openLine(CreditLineID, limit: Money)
    /// Opens a member line (a family member's) drawing on `guarantor`, with `cap` as its limit:
    /// the guarantor must exist, be open, not be a member line itself, and have a limit of at
    /// least `cap`. Holds on the member line lock at most what both lines have available, and
    /// move both lines' balances.
    case openMemberLine(CreditLineID, guarantor: CreditLineID, cap: Money)
    /// Sets the line's limit (zero or more). A cut below what is in use blocks new holds only. A
    /// member line's limit (its cap) may not exceed its guarantor's limit; a guarantor's limit may
    /// be cut below its members' caps, whose holds then lock at most what it has available.
    /// `reason` says why, in the journal (such as `bank line sync` or a review's rule): stored
    /// text of at most ``LedgerLimits/maximumReasonLength`` bytes.
    case adjustLimit(CreditLineID, to: Money, reason: String? = nil)
    /// Suspends the line: no new or larger holds until resumed.
    case suspendLine(CreditLineID)
    /// Lifts a suspension.
    case resumeLine(CreditLineID)
    /// Freezes the line (blacklist): no new or larger holds until unfrozen.
    case freezeLine(CreditLineID)
    /// Lifts a freeze.
    case unfreezeLine(CreditLineID)
    /// Closes the line for good; only with nothing held or outstanding.
    case closeLine(CreditLineID)
    /// Locks `amount` of the line's available money under a new hold id.
    case placeHold(HoldID, line: CreditLineID, amount: Money, expiresAt: Timestamp?)
    /// Locks `amount` more under an open hold.
    case increaseHold(HoldID, by: Money)
    /// Releases `amount` of an open hold (a refund); the hold stays open, possibly at zero.
    case decreaseHold(HoldID, by: Money)
    /// Ends the hold: `amount` (at most what is held) becomes outstanding, the rest is released.
    case captureHold(HoldID, amount: Money)
    /// Ends the hold and releases everything.
    case voidHold(HoldID)
    /// Ends a hold whose expiry time has come and releases everything.
    case expireHold(HoldID)
    /// Reduces the outstanding amount and restores availability at once. On a member line (a
    /// repayment for the member, 代付) it reduces the guarantor's too; on a guarantor line it may
    /// repay only what the line owes itself (``CreditLine/ownOutstanding``).
    case repay(CreditLineID, amount: Money)
    /// Takes back `amount` of what a captured hold captured (a settlement reversal, 结算撤销):
    /// the line's outstanding drops by it. At most what the hold captured and what is still
    /// outstanding on the line; a part already repaid is a refund owed to the patient, outside
    /// the ledger.
    case reverseCapture(HoldID, amount: Money)
    /// Writes off `amount` of what a captured hold charged (核销, bad debt): the line's outstanding
    /// drops by it as by a reversal, but the journal says it was written off, and `reason` why
    /// (stored text of at most ``LedgerLimits/maximumReasonLength`` bytes). At most what the hold
    /// captured (less earlier reversals and write-offs) and what the line still owes itself.
    case writeOff(HoldID, amount: Money, reason: String)

    // Intents: the state machine decides the amount from the balances it holds, in the batch,
    // so that callers need not read balances first or retry when another writer was quicker.

    /// Brings the hold towards `target` (zero or more): shrinks it to `target` when it holds
    /// more; otherwise grows it (placing it on `line` when there is none) by as much of the
    /// difference as the line has available under `rule`, which is nothing while the line is
    /// suspended, frozen or closed. Never refused for lack of money: the journal entry's
    /// ``JournalEntry/holdAmountAfter`` says what the hold holds.
    case lockUpTo(HoldID, line: CreditLineID, target: Money, rule: LockRule)
    /// Takes back as much as it can, up to `amount`, of what a captured hold captured: at most
    /// what the hold captured (less earlier reversals) and what the line still owes. The entry's
    /// outstanding change says how much; the rest was repaid and is owed back to the patient.
    case reverseCaptureUpTo(HoldID, amount: Money)
}

/// How much of what a ``LedgerCommand/lockUpTo(_:line:target:rule:)`` asks for it locks when the
/// line has less available than that.
public enum LockRule: Sendable, Hashable, Codable, CaseIterable {
    /// As much as the line has available.
    case asMuchAsAvailable
    /// All of it, or nothing.
    case allOrNothing
    /// As much as the line has available, also while it is suspended or frozen: emergency care
    /// (急诊) is never refused for a review, collection or listing. Nothing on a closed line.
    case emergency
}

extension LedgerCommand {
    /// The command's name, such as `placeHold`, for logs and reports.
    public var name: String {
        Mirror(reflecting: self).children.first?.label ?? "\(self)"
    }

    /// The line the command names directly; `nil` for commands that name only a hold.
    public var lineID: CreditLineID? {
        switch self {
        case .openLine(let line, _), .openMemberLine(let line, _, _), .adjustLimit(let line, _, _), .suspendLine(let line), .resumeLine(let line),
            .freezeLine(let line), .unfreezeLine(let line), .closeLine(let line), .repay(let line, _),
            .placeHold(_, let line, _, _), .lockUpTo(_, let line, _, _):
            line
        case .increaseHold, .decreaseHold, .captureHold, .voidHold, .expireHold, .reverseCapture, .reverseCaptureUpTo, .writeOff:
            nil
        }
    }

    /// The hold the command names; `nil` for line commands.
    public var holdID: HoldID? {
        switch self {
        case .placeHold(let hold, _, _, _), .increaseHold(let hold, _), .decreaseHold(let hold, _),
            .captureHold(let hold, _), .voidHold(let hold), .expireHold(let hold), .reverseCapture(let hold, _), .writeOff(let hold, _, _),
            .lockUpTo(let hold, _, _, _), .reverseCaptureUpTo(let hold, _):
            hold
        case .openLine, .openMemberLine, .adjustLimit, .suspendLine, .resumeLine, .freezeLine, .unfreezeLine, .closeLine, .repay:
            nil
        }
    }
}

extension LedgerCommand {
    /// Whether the command moves money (a hold command or a repayment): on a member line such a
    /// command moves its guarantor line too.
    var movesMoney: Bool {
        switch self {
        case .repay: true
        default: holdID != nil
        }
    }
}

/// A command with the caller's idempotency key: the unit a batch is made of.
public struct LedgerRequest: Sendable, Hashable, Codable {
    /// Makes a retry safe: the same key with the same command returns the first result.
    public var key: IdempotencyKey
    /// What to do.
    public var command: LedgerCommand

    public init(key: IdempotencyKey, command: LedgerCommand) {
        self.key = key
        self.command = command
    }
}
