import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Synchronization

/// A broken 医保 adapter: its reversal gives back deductible and cap but not what the
/// settlement took from the personal account. Its test system is a ``FakeMedicalInsurance``.
final class AccountKeepingMedicalInsurance: MedicalInsuranceAdapter {
    /// The insurer's books.
    let books = FakeMedicalInsurance(policy: .init(deductible: Money(fen: 20_000), classBPermille: 800))
    /// What each settlement took from whose account.
    private let taken = Mutex<[String: (person: String, amount: Money)]>([:])

    func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement { try await books.preSettle(claim) }

    func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        let settlement = try await books.settle(claim)
        taken.withLock { $0[settlement.settlementID] = (claim.insuredPerson, settlement.personalAccount) }
        return settlement
    }

    func reverse(settlementID: String, requestID: AdapterRequestID) async throws {
        // Taken out when first reversed, so a repeated reversal takes nothing again.
        let restored = taken.withLock { $0.removeValue(forKey: settlementID) }
        try await books.reverse(settlementID: settlementID, requestID: requestID)
        if let (person, amount) = restored {
            books.openAccount(person, balance: Money(fen: books.accountBalance(person).fen - amount.fen))
        }
    }
}
