/// One applied command in the append-only journal: what was asked, what it changed, and the
/// balances after it. Every change of a line or hold is exactly one entry.
///
/// Sequence numbers start at 1 and have no gaps. Replaying the journal's commands in order, each
/// at its timestamp, through the ``LedgerStateMachine`` reproduces every entry and the stored
/// state; the ``LedgerAuditor`` checks exactly that.
public struct JournalEntry: Sendable, Hashable, Codable {
    /// Position in the journal, from 1.
    public let sequence: Int64
    /// The idempotency key the command came with; unique in the journal.
    public let key: IdempotencyKey
    /// The batch's time.
    public let timestamp: Timestamp
    /// The command as submitted.
    public let command: LedgerCommand
    /// The line the command changed (for hold commands, the hold's line).
    public let line: CreditLineID
    /// Change of the line's limit.
    public let limitDelta: Money
    /// Change of the line's held amount.
    public let heldDelta: Money
    /// Change of the line's outstanding amount.
    public let outstandingDelta: Money
    /// The line's balances and flags after the command.
    public let lineAfter: CreditLineBalances
    /// The hold's amount after the command; `nil` for line commands.
    public let holdAmountAfter: Money?
    /// The hold's state after the command; `nil` for line commands.
    public let holdStateAfter: HoldState?
    /// For a hold command or repayment on a member line: the guarantor line it moved too, by
    /// ``heldDelta`` and ``outstandingDelta``; `nil` for every other command.
    public let guarantor: GuarantorMovement?

    /// An entry as a store loads it.
    public init(
        sequence: Int64, key: IdempotencyKey, timestamp: Timestamp, command: LedgerCommand, line: CreditLineID,
        limitDelta: Money, heldDelta: Money, outstandingDelta: Money, lineAfter: CreditLineBalances,
        holdAmountAfter: Money?, holdStateAfter: HoldState?, guarantor: GuarantorMovement? = nil
    ) {
        self.sequence = sequence
        self.key = key
        self.timestamp = timestamp
        self.command = command
        self.line = line
        self.limitDelta = limitDelta
        self.heldDelta = heldDelta
        self.outstandingDelta = outstandingDelta
        self.lineAfter = lineAfter
        self.holdAmountAfter = holdAmountAfter
        self.holdStateAfter = holdStateAfter
        self.guarantor = guarantor
    }
}

/// How a command on a member line moved its guarantor line: by the entry's held and outstanding
/// deltas, leaving these balances.
public struct GuarantorMovement: Sendable, Hashable, Codable {
    /// The guarantor line.
    public let line: CreditLineID
    /// The guarantor's limit, which the command did not change.
    public let limit: Money
    /// The guarantor's held amount after the command.
    public let heldAfter: Money
    /// The guarantor's outstanding amount after the command.
    public let outstandingAfter: Money

    /// A movement as a store loads it.
    public init(line: CreditLineID, limit: Money, heldAfter: Money, outstandingAfter: Money) {
        self.line = line
        self.limit = limit
        self.heldAfter = heldAfter
        self.outstandingAfter = outstandingAfter
    }

    /// What the guarantor line had available after the command: `limit − held − outstanding`,
    /// never below zero.
    public var availableAfter: Money {
        CreditLineBalances(limit: limit, held: heldAfter, outstanding: outstandingAfter, status: []).available
    }
}

/// The result of an applied command: its journal entry, and whether this answer is a replay of
/// an earlier submission with the same key.
public struct LedgerReceipt: Sendable, Hashable {
    /// The journal entry the command produced when it was first applied.
    public let entry: JournalEntry
    /// `true` when the key had been applied before and nothing was applied now.
    public let isReplay: Bool

    public init(entry: JournalEntry, isReplay: Bool) {
        self.entry = entry
        self.isReplay = isReplay
    }

    /// The line's balances right after the command.
    public var line: CreditLineBalances { entry.lineAfter }

    /// What the line had available right after the command; for a member line, the smaller of
    /// that and what its guarantor had available.
    public var available: Money { min(entry.lineAfter.available, entry.guarantor?.availableAfter ?? entry.lineAfter.available) }
}

/// The outcome of one command in a batch: applied (or replayed), or rejected with nothing changed.
public typealias LedgerResult = Result<LedgerReceipt, LedgerError>
