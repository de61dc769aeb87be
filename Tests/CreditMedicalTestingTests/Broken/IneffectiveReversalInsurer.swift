import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Synchronization

/// A broken 商保 adapter: its reversal answers as if it worked (and refuses an unknown claim) but
/// leaves the payment in the insurer's books, a ``FakeCommercialInsurance``.
final class IneffectiveReversalInsurer: CommercialInsuranceAdapter {
    /// The insurer's books.
    let books = FakeCommercialInsurance(policy: .init(permille: 600, perClaimCap: Money(fen: 100_000)))
    private let claims = Mutex<Set<String>>([])

    func claim(_ claim: CommercialInsuranceClaim) async throws -> CommercialInsurancePayment {
        let payment = try await books.claim(claim)
        claims.withLock { _ = $0.insert(payment.claimID) }
        return payment
    }

    func reverse(claimID: String, requestID: AdapterRequestID) async throws {
        guard claims.withLock({ $0.contains(claimID) }) else { throw AdapterError(.unknownSettlement, details: claimID) }
    }
}
