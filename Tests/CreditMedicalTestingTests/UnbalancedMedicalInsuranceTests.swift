import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

/// The 医保 suite fails an adapter whose parts do not add up to the bill.
final class UnbalancedMedicalInsuranceTests: MedicalInsuranceAdapterConformance {
    override func makeAdapter() throws -> any MedicalInsuranceAdapter {
        let insurance = UnbalancedMedicalInsurance()
        insurance.books.openAccount(insuredPerson, balance: Money(fen: 2_500))
        return insurance
    }

    override func settlements(for encounter: EncounterID, from adapter: any MedicalInsuranceAdapter) async throws -> [MedicalInsuranceSettlement] {
        try XCTUnwrap(adapter as? UnbalancedMedicalInsurance).books.settlements(for: encounter)
    }

    func testTheSuiteFailsAnAdapterWhosePartsDoNotAddUp() async {
        let report = await evaluate()
        // The sum is checked in partsAddUpToTheTotal; repeatedRequestIsSettledOnce also sees that
        // the adapter's answer is not what the insurer booked.
        XCTAssertEqual(report.failedScenarios, ["partsAddUpToTheTotal", "repeatedRequestIsSettledOnce"], "\(report)")
        let sums = report.failures.first?.messages.filter { $0.contains("fund + personal account + cash = total") } ?? []
        XCTAssertEqual(sums.count, 3, "each of the three bills: \(report)")
    }
}
