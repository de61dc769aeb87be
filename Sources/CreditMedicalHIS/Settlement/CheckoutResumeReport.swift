import CreditMedicalCore

/// What ``CreditDesk/resumeCheckouts(limit:)`` did with every checkout and reversal that had
/// stopped half-way. Nothing is left out: each unfinished record is in exactly one list.
public struct CheckoutResumeReport: Sendable, Hashable, CustomStringConvertible {
    /// A checkout or reversal that failed for a reason that may pass (a party did not answer in
    /// time or could not be reached, the store failed, another desk was busy with it); the next
    /// resume tries it again.
    public struct Deferred: Sendable, Hashable {
        public let record: SettlementRecord
        /// The failure, free of personal data (its description).
        public let failure: String
    }

    /// Checkouts completed and reversals done now.
    public internal(set) var finished: [SettlementRecord] = []
    /// Cancelled checkouts whose parties' parts and credit were undone now; the encounter is open
    /// again in its next round.
    public internal(set) var compensated: [SettlementRecord] = []
    /// Checkouts parked for an operator, now or before; each record's
    /// ``SettlementRecord/attention`` says why. Their holds stay until an operator retries
    /// (``CreditDesk/retryCheckout(_:)``) or cancels (``CreditDesk/cancelCheckout(_:)``) them.
    public internal(set) var needsAttention: [SettlementRecord] = []
    /// Checkouts and reversals that failed for a passing reason; tried again next time.
    public internal(set) var deferred: [Deferred] = []

    /// Whether every unfinished record was finished or compensated.
    public var isComplete: Bool { needsAttention.isEmpty && deferred.isEmpty }

    public var description: String {
        "\(finished.count) finished, \(compensated.count) compensated, \(needsAttention.count) need attention, "
            + "\(deferred.count) to be tried again"
    }
}
