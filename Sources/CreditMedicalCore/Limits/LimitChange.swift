/// What a review changed on a line, and why: recorded as an enrollment step, journaled with the
/// ledger command as its reason, and told to the patient.
public struct LimitChange: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable {
        /// One tier up after on-time repayments.
        case raise
        /// One tier down after a late payment.
        case lower
        /// Suspended after a payment very late; the tier stays.
        case suspend
        /// The probation limit of a repaired line.
        case probation
    }

    public let action: Action
    /// The evidence the change rests on, which makes it happen once: such as `raise/…`,
    /// `lower/…`, `suspend/…` or `probation/…` with the time of the evidence in milliseconds.
    public let basis: String
    /// The tier and the limit after the change.
    public let tier: String
    public let limit: Money
    /// Why, as the patient reads it.
    public let reason: BilingualText

    public init(action: Action, basis: String, tier: String, limit: Money, reason: BilingualText) {
        self.action = action
        self.basis = basis
        self.tier = tier
        self.limit = limit
        self.reason = reason
    }
}
