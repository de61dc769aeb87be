import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

/// The 医保 suite needs an insured person with a personal-account balance: only then does a
/// reversal that keeps what it took from the account show. The adapter here keeps it.
final class PersonalAccountTests: MedicalInsuranceAdapterConformance {
    /// The insured person's balance in the insurer's test system.
    private var balance = Money.zero

    override func makeAdapter() throws -> any MedicalInsuranceAdapter {
        let insurance = AccountKeepingMedicalInsurance()
        insurance.books.openAccount(insuredPerson, balance: balance)
        return insurance
    }

    override func settlements(for encounter: EncounterID, from adapter: any MedicalInsuranceAdapter) async throws -> [MedicalInsuranceSettlement] {
        try XCTUnwrap(adapter as? AccountKeepingMedicalInsurance).books.settlements(for: encounter)
    }

    func testAnInsuredPersonWithoutBalanceFailsTheSuite() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["reversalRestoresAndIsIdempotent", "thePersonalAccountPaysOnlyWhenTheClaimLetsIt"], "\(report)")
        XCTAssertEqual(report.failures.map(\.messages.count), [1, 1], "\(report)")
        XCTAssertTrue(report.failures.allSatisfy { $0.messages.first?.contains("give insuredPerson a balance") == true }, "\(report)")
    }

    func testWithABalanceTheSuiteFailsAReversalThatKeepsTheAccount() async {
        balance = Money(fen: 2_500)
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["reversalRestoresAndIsIdempotent"], "\(report)")
        XCTAssertEqual(report.failures.first?.messages.count, 1, "\(report)")
        XCTAssertTrue(report.failures.first?.messages.first?.contains("the same bill settles the same way again") == true, "\(report)")
    }
}

/// The 医保 suite fails an adapter that lets the personal account pay when the claim says not to.
final class AccountIgnoringInsuranceTests: MedicalInsuranceAdapterConformance {
    override func makeAdapter() throws -> any MedicalInsuranceAdapter {
        let insurance = AccountIgnoringMedicalInsurance()
        insurance.books.openAccount(insuredPerson, balance: Money(fen: 2_500))
        return insurance
    }

    override func settlements(for encounter: EncounterID, from adapter: any MedicalInsuranceAdapter) async throws -> [MedicalInsuranceSettlement] {
        try XCTUnwrap(adapter as? AccountIgnoringMedicalInsurance).books.settlements(for: encounter)
    }

    func testTheSuiteFailsAnAdapterThatIgnoresTheAccountFlag() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["thePersonalAccountPaysOnlyWhenTheClaimLetsIt"], "\(report)")
    }
}
