/// One change to the ledger. Commands are data: the ``LedgerStateMachine`` decides what they do.
public enum LedgerCommand: Sendable, Hashable, Codable {
    /// Opens a line with a limit (zero or more).
    case openLine(CreditLineID, limit: Money)
    /// Sets the line's limit (zero or more). A cut below what is in use blocks new holds only.
    case adjustLimit(CreditLineID, to: Money)
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
    /// Reduces the outstanding amount and restores availability at once.
    case repay(CreditLineID, amount: Money)
    /// Takes back `amount` of what a captured hold captured (a settlement reversal, 结算撤销):
    /// the line's outstanding drops by it. At most what the hold captured and what is still
    /// outstanding on the line; a part already repaid is a refund owed to the patient, outside
    /// the ledger.
    case reverseCapture(HoldID, amount: Money)

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
}

extension LedgerCommand {
    /// The kind of a command, with stable raw values for stores.
    public enum Kind: Int, Sendable, Hashable, Codable, CaseIterable {
        case openLine = 1, adjustLimit, suspendLine, resumeLine, freezeLine, unfreezeLine, closeLine
        case placeHold = 20, increaseHold, decreaseHold, captureHold, voidHold, expireHold, reverseCapture
        case lockUpToAvailable, lockUpToAllOrNothing, reverseCaptureUpTo
        case repay = 40
    }

    /// The command's kind.
    public var kind: Kind {
        switch self {
        case .openLine: .openLine
        case .adjustLimit: .adjustLimit
        case .suspendLine: .suspendLine
        case .resumeLine: .resumeLine
        case .freezeLine: .freezeLine
        case .unfreezeLine: .unfreezeLine
        case .closeLine: .closeLine
        case .placeHold: .placeHold
        case .increaseHold: .increaseHold
        case .decreaseHold: .decreaseHold
        case .captureHold: .captureHold
        case .voidHold: .voidHold
        case .expireHold: .expireHold
        case .repay: .repay
        case .reverseCapture: .reverseCapture
        case .lockUpTo(_, _, _, .asMuchAsAvailable): .lockUpToAvailable
        case .lockUpTo(_, _, _, .allOrNothing): .lockUpToAllOrNothing
        case .reverseCaptureUpTo: .reverseCaptureUpTo
        }
    }

    /// The line the command names directly; `nil` for commands that name only a hold.
    public var lineID: CreditLineID? {
        switch self {
        case .openLine(let line, _), .adjustLimit(let line, _), .suspendLine(let line), .resumeLine(let line),
            .freezeLine(let line), .unfreezeLine(let line), .closeLine(let line), .repay(let line, _),
            .placeHold(_, let line, _, _), .lockUpTo(_, let line, _, _):
            line
        case .increaseHold, .decreaseHold, .captureHold, .voidHold, .expireHold, .reverseCapture, .reverseCaptureUpTo:
            nil
        }
    }

    /// The hold the command names; `nil` for line commands.
    public var holdID: HoldID? {
        switch self {
        case .placeHold(let hold, _, _, _), .increaseHold(let hold, _), .decreaseHold(let hold, _),
            .captureHold(let hold, _), .voidHold(let hold), .expireHold(let hold), .reverseCapture(let hold, _),
            .lockUpTo(let hold, _, _, _), .reverseCaptureUpTo(let hold, _):
            hold
        default:
            nil
        }
    }

    /// The amount the command carries; `nil` for commands without one.
    public var amount: Money? {
        switch self {
        case .openLine(_, let amount), .adjustLimit(_, let amount), .placeHold(_, _, let amount, _),
            .increaseHold(_, let amount), .decreaseHold(_, let amount), .captureHold(_, let amount),
            .repay(_, let amount), .reverseCapture(_, let amount), .lockUpTo(_, _, let amount, _), .reverseCaptureUpTo(_, let amount):
            amount
        case .suspendLine, .resumeLine, .freezeLine, .unfreezeLine, .closeLine, .voidHold, .expireHold:
            nil
        }
    }

    /// The expiry time of a ``placeHold(_:line:amount:expiresAt:)``; `nil` otherwise.
    public var expiresAt: Timestamp? {
        if case .placeHold(_, _, _, let expiresAt) = self { expiresAt } else { nil }
    }

    /// Rebuilds a command from the fields a store keeps (``kind``, ``lineID``, ``holdID``,
    /// ``amount``, ``expiresAt``); `nil` when a field the kind needs is missing.
    public init?(kind: Kind, line: CreditLineID?, hold: HoldID?, amount: Money?, expiresAt: Timestamp?) {
        switch kind {
        case .openLine: guard let line, let amount else { return nil }; self = .openLine(line, limit: amount)
        case .adjustLimit: guard let line, let amount else { return nil }; self = .adjustLimit(line, to: amount)
        case .suspendLine: guard let line else { return nil }; self = .suspendLine(line)
        case .resumeLine: guard let line else { return nil }; self = .resumeLine(line)
        case .freezeLine: guard let line else { return nil }; self = .freezeLine(line)
        case .unfreezeLine: guard let line else { return nil }; self = .unfreezeLine(line)
        case .closeLine: guard let line else { return nil }; self = .closeLine(line)
        case .placeHold:
            guard let hold, let line, let amount else { return nil }
            self = .placeHold(hold, line: line, amount: amount, expiresAt: expiresAt)
        case .increaseHold: guard let hold, let amount else { return nil }; self = .increaseHold(hold, by: amount)
        case .decreaseHold: guard let hold, let amount else { return nil }; self = .decreaseHold(hold, by: amount)
        case .captureHold: guard let hold, let amount else { return nil }; self = .captureHold(hold, amount: amount)
        case .voidHold: guard let hold else { return nil }; self = .voidHold(hold)
        case .expireHold: guard let hold else { return nil }; self = .expireHold(hold)
        case .repay: guard let line, let amount else { return nil }; self = .repay(line, amount: amount)
        case .reverseCapture: guard let hold, let amount else { return nil }; self = .reverseCapture(hold, amount: amount)
        case .lockUpToAvailable, .lockUpToAllOrNothing:
            guard let hold, let line, let amount else { return nil }
            self = .lockUpTo(hold, line: line, target: amount, rule: kind == .lockUpToAvailable ? .asMuchAsAvailable : .allOrNothing)
        case .reverseCaptureUpTo: guard let hold, let amount else { return nil }; self = .reverseCaptureUpTo(hold, amount: amount)
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
