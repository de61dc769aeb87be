/// A hold (锁定): money of a credit line reserved for an open bill.
///
/// A hold grows and shrinks while open and ends exactly once: captured (the captured part
/// becomes outstanding, the rest is released), voided, or expired.
public struct Hold: Sendable, Hashable, Codable {
    /// The caller's reference for the hold.
    public let id: HoldID
    /// The line the hold locks money of.
    public let line: CreditLineID
    /// The money locked now; zero once the hold has ended.
    public internal(set) var amount: Money
    /// The part captured at the end; zero unless ``state`` is ``HoldState/captured``.
    public internal(set) var captured: Money
    /// Open, or how it ended.
    public internal(set) var state: HoldState
    /// When the hold was placed.
    public let placedAt: Timestamp
    /// From this time on the hold can only be voided or expired; `nil` for no expiry.
    public internal(set) var expiresAt: Timestamp?
    /// When the hold ended.
    public internal(set) var endedAt: Timestamp?

    /// A hold as a store loads it.
    public init(
        id: HoldID, line: CreditLineID, amount: Money, captured: Money = .zero, state: HoldState = .open,
        placedAt: Timestamp, expiresAt: Timestamp? = nil, endedAt: Timestamp? = nil
    ) {
        self.id = id
        self.line = line
        self.amount = amount
        self.captured = captured
        self.state = state
        self.placedAt = placedAt
        self.expiresAt = expiresAt
        self.endedAt = endedAt
    }

    /// Whether the hold is past its expiry time at `time`.
    public func isExpired(at time: Timestamp) -> Bool {
        expiresAt.map { time >= $0 } ?? false
    }
}

/// The life of a hold. The raw values are stable and used by stores.
public enum HoldState: Int, Sendable, Hashable, Codable, CaseIterable {
    /// Still locking money.
    case open = 0
    /// Ended by a capture.
    case captured = 1
    /// Ended by a void: everything released.
    case voided = 2
    /// Ended by expiry: everything released.
    case expired = 3
}
