import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

/// The checkout recovery suite reads the built-in fakes' books by default; given a bank of the
/// vendor's without the way into its books, it fails and says what to override.
final class UnobservedBankRecoveryTests: CheckoutRecoveryConformance {
    override func makeDatabase() throws -> any CreditDatabase { InMemoryDatabase() }
    override func reopen(_ database: any CreditDatabase) throws -> any CreditDatabase { database }
    override func makeCreditProvider() throws -> any CreditProviderAdapter { DoubleBookingBank() }

    func testTheSuiteFailsWhereItCannotLookIntoTheBank() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement"], "\(report)")
        XCTAssertTrue(report.failures.first?.messages.first?.contains("Override captureNotices(for:from:)") == true, "\(report)")
    }
}
