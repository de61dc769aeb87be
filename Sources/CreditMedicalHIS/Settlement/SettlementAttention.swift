public import CreditMedicalCore

/// Why a checkout (or a reversal) stopped and waits for a person: a party answered something the
/// desk cannot go on with (医保's split does not add up, a party does not know the settlement, the
/// ledger refused the capture). Such a checkout is parked: ``CreditDesk/resumeCheckouts(limit:)``
/// leaves it alone and reports it, its hold stays (nothing is released or lost), the audit lists
/// it, and an operator retries it (``CreditDesk/retryCheckout(_:)``) once the cause is fixed or
/// cancels it (``CreditDesk/cancelCheckout(_:)``).
public struct SettlementAttention: Sendable, Hashable, Codable {
    /// The stable code of the failure, such as `billing.split_mismatch`.
    public let code: String
    /// What went wrong, free of personal data: the failure's description.
    public let reason: String
    /// When the checkout was parked.
    public let since: Timestamp

    public init(code: String, reason: String, since: Timestamp) {
        self.code = code
        self.reason = reason
        self.since = since
    }
}
