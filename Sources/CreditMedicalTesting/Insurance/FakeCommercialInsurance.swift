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

    private struct State {
        var byRequest: [AdapterRequestID: CommercialInsurancePayment] = [:]
        var reversed: Set<String> = []
        var paid: [String: Money] = [:]
        var faults = FaultPlan()
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
        state.withLock { state in Money(fen: state.paid.filter { !state.reversed.contains($0.key) }.values.reduce(0) { $0 + $1.fen }) }
    }

    public func claim(_ claim: CommercialInsuranceClaim) async throws -> CommercialInsurancePayment {
        try state.withLock { state in
            let fault = state.faults.next()
            return try FaultPlan.act(fault) {
                if let payment = state.byRequest[claim.requestID] { return payment }
                let remaining = max(claim.remaining.fen, 0)
                let permille = min(max(policy.permille, 0), 1_000)
                let (q, r) = remaining.quotientAndRemainder(dividingBy: 1_000)
                let share = min(q * permille + r * permille / 1_000, policy.perClaimCap.fen)
                let payment = CommercialInsurancePayment(claimID: "SB\(state.byRequest.count + 1)", paid: Money(fen: share))
                state.byRequest[claim.requestID] = payment
                state.paid[payment.claimID] = payment.paid
                state.faults.applied += 1
                return payment
            }
        }
    }

    public func reverse(claimID: String, requestID: AdapterRequestID) async throws {
        try state.withLock { state in
            let fault = state.faults.next()
            try FaultPlan.act(fault) {
                guard state.paid[claimID] != nil else { throw AdapterError(.unknownSettlement, details: claimID) }
                if state.reversed.insert(claimID).inserted { state.faults.applied += 1 }
            }
        }
    }
}
