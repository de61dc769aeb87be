import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting

/// A broken 医保 adapter: it reads the cash part one fen too high, in quotes and settlements, so
/// its parts do not add up to the bill. Its test system is a ``FakeMedicalInsurance``.
final class UnbalancedMedicalInsurance: MedicalInsuranceAdapter {
    /// The insurer's books.
    let books = FakeMedicalInsurance(policy: .init(deductible: Money(fen: 20_000), classBPermille: 800))

    func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement { misread(try await books.preSettle(claim)) }
    func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement { misread(try await books.settle(claim)) }
    func reverse(settlementID: String, requestID: AdapterRequestID) async throws {
        try await books.reverse(settlementID: settlementID, requestID: requestID)
    }

    private func misread(_ answer: MedicalInsuranceSettlement) -> MedicalInsuranceSettlement {
        MedicalInsuranceSettlement(settlementID: answer.settlementID, fund: answer.fund, personalAccount: answer.personalAccount,
                                   cash: Money(fen: answer.cash.fen + 1))
    }
}
