/// A credit line (授信额度): the limit a bank granted, the part locked by open holds and the
/// part charged and not yet repaid.
///
/// `available = limit − held − outstanding`, shown as zero when a limit cut leaves the line
/// over-used: a cut blocks new holds and never touches existing ones.
///
/// A **member line** (a family member's, 亲情账号) has a ``guarantor``: its limit is the member's
/// cap, and every hold and repayment on it moves the guarantor line by the same amounts, so the
/// guarantor's `held` and `outstanding` include its members' (``membersOutstanding`` says how much
/// of `outstanding` is theirs).
public struct CreditLine: Sendable, Hashable, Codable {
    /// The line's identifier.
    public let id: CreditLineID
    /// The granted limit.
    public internal(set) var limit: Money
    /// Money locked by the line's open holds.
    public internal(set) var held: Money
    /// Money captured and not yet repaid (owed to the bank).
    public internal(set) var outstanding: Money
    /// Suspension, freeze and closure flags.
    public internal(set) var status: CreditLineStatus
    /// When the line was opened.
    public let openedAt: Timestamp
    /// When the line last changed.
    public internal(set) var updatedAt: Timestamp
    /// For a member line, the line it draws on; `nil` for every other line.
    public let guarantor: CreditLineID?
    /// For a guarantor line, the part of ``outstanding`` its member lines owe (repaid on their
    /// lines); zero for every other line.
    public internal(set) var membersOutstanding: Money

    /// A line as a store loads it.
    public init(
        id: CreditLineID, limit: Money, held: Money = .zero, outstanding: Money = .zero,
        status: CreditLineStatus = [], openedAt: Timestamp, updatedAt: Timestamp,
        guarantor: CreditLineID? = nil, membersOutstanding: Money = .zero
    ) {
        self.id = id
        self.limit = limit
        self.held = held
        self.outstanding = outstanding
        self.status = status
        self.openedAt = openedAt
        self.updatedAt = updatedAt
        self.guarantor = guarantor
        self.membersOutstanding = membersOutstanding
    }

    /// What new holds may still lock: `limit − held − outstanding`, never below zero. On a
    /// member line, holds may lock at most the smaller of this and the guarantor's.
    public var available: Money { balances.available }

    /// What the line owes for its own holds: ``outstanding`` less its members' part.
    public var ownOutstanding: Money { Money(fen: outstanding.fen - membersOutstanding.fen) }

    /// The balances and flags, without identity and times.
    public var balances: CreditLineBalances {
        CreditLineBalances(limit: limit, held: held, outstanding: outstanding, status: status)
    }
}

/// The flags that restrict a credit line. An empty set is an active line.
public struct CreditLineStatus: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Suspended, for example by dunning: no new or larger holds until resumed.
    public static let suspended = CreditLineStatus(rawValue: 1 << 0)
    /// Frozen, for example by the blacklist: no new or larger holds until unfrozen.
    public static let frozen = CreditLineStatus(rawValue: 1 << 1)
    /// Closed for good: nothing changes any more.
    public static let closed = CreditLineStatus(rawValue: 1 << 2)
}

/// A credit line's balances and flags at one point in the journal.
public struct CreditLineBalances: Sendable, Hashable, Codable {
    public internal(set) var limit: Money
    public internal(set) var held: Money
    public internal(set) var outstanding: Money
    public internal(set) var status: CreditLineStatus

    public init(limit: Money, held: Money, outstanding: Money, status: CreditLineStatus) {
        self.limit = limit
        self.held = held
        self.outstanding = outstanding
        self.status = status
    }

    /// What new holds may still lock: `limit − held − outstanding`, never below zero.
    public var available: Money {
        let inUse = held.fen.addingReportingOverflow(outstanding.fen)
        guard !inUse.overflow else { return .zero }
        let free = limit.fen.subtractingReportingOverflow(inUse.partialValue)
        return free.overflow || free.partialValue < 0 ? .zero : Money(fen: free.partialValue)
    }
}
