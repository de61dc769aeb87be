/// A credit line (授信额度): the limit a bank granted, the part locked by open holds and the
/// part charged and not yet repaid.
///
/// `available = limit − held − outstanding`, shown as zero when a limit cut leaves the line
/// over-used: a cut blocks new holds and never touches existing ones.
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

    /// A line as a store loads it.
    public init(
        id: CreditLineID, limit: Money, held: Money = .zero, outstanding: Money = .zero,
        status: CreditLineStatus = [], openedAt: Timestamp, updatedAt: Timestamp
    ) {
        self.id = id
        self.limit = limit
        self.held = held
        self.outstanding = outstanding
        self.status = status
        self.openedAt = openedAt
        self.updatedAt = updatedAt
    }

    /// What new holds may still lock: `limit − held − outstanding`, never below zero.
    public var available: Money { balances.available }

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
