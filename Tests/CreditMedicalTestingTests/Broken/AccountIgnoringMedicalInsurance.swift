import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Foundation

/// A 医保 adapter that always lets the personal account pay, whatever the claim says (as an
/// adapter that forgets to send 个人账户使用标志 would).
final class AccountIgnoringMedicalInsurance: MedicalInsuranceAdapter {
    /// The insurer's books.
    let books = FakeMedicalInsurance(policy: .init(deductible: Money(fen: 20_000), classBPermille: 800))

    func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement { try await books.preSettle(try usingAccount(claim)) }

    func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement { try await books.settle(try usingAccount(claim)) }

    func reverse(settlementID: String, requestID: AdapterRequestID) async throws {
        try await books.reverse(settlementID: settlementID, requestID: requestID)
    }

    /// `claim` with the personal account allowed.
    private func usingAccount(_ claim: MedicalInsuranceClaim) throws -> MedicalInsuranceClaim {
        var fields = try XCTUnwrapObject(JSONSerialization.jsonObject(with: JSONEncoder().encode(claim)))
        fields["usePersonalAccount"] = true
        return try JSONDecoder().decode(MedicalInsuranceClaim.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    private func XCTUnwrapObject(_ value: Any) throws -> [String: Any] {
        guard let object = value as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
        return object
    }
}
