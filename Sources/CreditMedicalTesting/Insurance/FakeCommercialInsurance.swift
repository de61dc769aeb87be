public import CreditMedicalCore
public import CreditMedicalHIS
import Synchronization

/// A commercial-insurance (商保) fake: pays ``Policy/permille`` of what medical insurance left,
/// rounded down to the fen, at most ``Policy/perClaimCap`` per claim. Claims are kept by request
/// id and can be reversed once. Tell it to fail with ``inject(_:)``.
public final class FakeCommercialInsurance: CommercialInsuranceAdapter {
    public struct Policy: Sendable, Hashable {
        /// The insurer's share, in thousandths (500 = 50 %).
        public var permille: Int64
        public var perClaimCap: Money

        public init(permille: Int64 = 500, perClaimCap: Money = Money(fen: 5_000_000)) {
            self.permille = permille
            self.perClaimCap = perClaimCap
        }
    }

    /// A claim the insurer paid.
    private struct Booking {
        let encounter: EncounterID
        let payment: CommercialInsurancePayment
        var reversed = false
    }

    private struct State: FaultInjectable {
        var byRequest: [AdapterRequestID: CommercialInsurancePayment] = [:]
        /// By claim id, in the order paid.
        var bookings: [String: Booking] = [:]
        var order: [String] = []
        var faults = FaultPlan()

        var inForce: [Booking] { order.compactMap { bookings[$0] }.filter { !$0.reversed } }
    }

    public let policy: Policy
    private let state = Mutex(State())

    public init(policy: Policy = Policy()) {
        self.policy = policy
    }

    /// Queues a fault for the next calls, one call each.
    public func inject(_ faults: FakeFault...) {
        state.withLock { $0.faults.pending += faults }
    }

    /// How many calls changed the fake's state.
    public var appliedCount: Int { state.withLock { $0.faults.applied } }

    /// What the insurer has paid and not reversed, over all claims.
    public var totalPaid: Money {
        state.withLock { Money(fen: $0.inForce.reduce(0) { $0 + $1.payment.paid.fen }) }
    }

    /// The claims paid for `encounter` and not reversed, in the order paid: what the insurer's
    /// books show.
    public func payments(for encounter: EncounterID) -> [CommercialInsurancePayment] {
        state.withLock { state in state.inForce.filter { $0.encounter == encounter }.map(\.payment) }
    }

    public func claim(_ claim: CommercialInsuranceClaim) async throws -> CommercialInsurancePayment {
        try state.call { state in
            if let payment = state.byRequest[claim.requestID] { return payment }
            let remaining = max(claim.remaining.fen, 0)
            let permille = min(max(policy.permille, 0), 1_000)
            let (q, r) = remaining.quotientAndRemainder(dividingBy: 1_000)
            let share = min(q * permille + r * permille / 1_000, policy.perClaimCap.fen)
            let payment = CommercialInsurancePayment(claimID: "SB\(state.byRequest.count + 1)", paid: Money(fen: share))
            state.byRequest[claim.requestID] = payment
            state.bookings[payment.claimID] = Booking(encounter: claim.encounter, payment: payment)
            state.order.append(payment.claimID)
            state.faults.applied += 1
            return payment
        }
    }

    public func reverse(claimID: String, requestID: AdapterRequestID) async throws {
        try state.call { state in
            guard let booking = state.bookings[claimID] else { throw AdapterError(.unknownSettlement, details: claimID) }
            guard !booking.reversed else { return }
            state.bookings[claimID]?.reversed = true
            state.faults.applied += 1
        }
    }
}
