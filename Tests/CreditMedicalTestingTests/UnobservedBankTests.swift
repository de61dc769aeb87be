import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// A vendor who gives the bank suite an adapter but not the ways into the bank's test system
/// fails every scenario that needs them, with a message that says what to override.
final class UnobservedBankTests: CreditProviderAdapterConformance {
    override func makeAdapter() throws -> any CreditProviderAdapter {
        let bank = FakeCreditProvider()
        bank.grant(grantedLine, limit: Money(fen: 500_000))
        return bank
    }

    func testTheSuiteFailsWhereItCannotLookIntoTheBank() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["captureNoticesAreBookedOnce", "advancesAreBookedOnce", "reversalNoticesAreBookedOnce",
                                                "handoversAreBookedOnce", "repaymentsAreDeliveredUntilAcknowledged"],
                       "\(report)")
        let hooks = report.failures.map { $0.messages.first?.firstRange(of: "Override ").map { _ in true } ?? false }
        XCTAssertEqual(hooks, [true, true, true, true, true], "each says what to override: \(report)")
    }
}
