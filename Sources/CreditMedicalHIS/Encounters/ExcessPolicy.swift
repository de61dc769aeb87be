import CreditMedicalCore

/// What happens to charges the credit line cannot cover when they are brought to credit.
///
/// Either way the part not locked is the encounter's excess: the patient is notified to pay it
/// now, and what is still due is settled at checkout (``SettlementSplit/excess``).
public enum ExcessPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Lock what the line has available and leave only the rest as excess (the default: the
    /// patient pays as little as possible at the window).
    case lockAvailable = "lock_available"
    /// Lock an order only when the line covers all of it; otherwise the whole order is excess
    /// (simpler for cashiers who take whole orders).
    case wholeOrder = "whole_order"

    /// The ledger's rule for how much of an order to lock.
    var rule: LockRule {
        switch self {
        case .lockAvailable: .asMuchAsAvailable
        case .wholeOrder: .allOrNothing
        }
    }
}
