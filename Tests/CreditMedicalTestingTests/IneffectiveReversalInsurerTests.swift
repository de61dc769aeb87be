import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Synchronization
import XCTest

/// The 商保 suite fails an insurer whose reversal does nothing; and `runAll()` and `run(_:)`
/// count such a scenario as failed and fail the test for it.
final class IneffectiveReversalInsurerTests: CommercialInsuranceAdapterConformance {
    /// While set, the failures the suite passes on to XCTest after a scenario are kept here
    /// instead of failing this test.
    private let kept = Mutex<[String]?>(nil)

    override func makeAdapter() throws -> any CommercialInsuranceAdapter { IneffectiveReversalInsurer() }

    override func payments(for encounter: EncounterID, from adapter: any CommercialInsuranceAdapter) async throws -> [CommercialInsurancePayment] {
        try XCTUnwrap(adapter as? IneffectiveReversalInsurer).books.payments(for: encounter)
    }

    override func recordFailure(withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool) {
        let keep = runningScenario == nil && kept.withLock { kept in
            kept?.append(description)
            return kept != nil
        }
        if !keep { super.recordFailure(withDescription: description, inFile: filePath, atLine: lineNumber, expected: expected) }
    }

    /// Runs `body` keeping the failures it passes on to XCTest; returns them.
    private func keepingFailures(_ body: () async -> Void) async -> [String] {
        kept.withLock { $0 = [] }
        await body()
        return kept.withLock { kept in
            defer { kept = nil }
            return kept ?? []
        }
    }

    func testTheSuiteFailsAnInsurerWhoseReversalDoesNothing() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["reversalUndoesThePaymentOnce"], "\(report)")
        XCTAssertEqual(report.passed, ["paysAtMostWhatIsLeft", "repeatedRequestIsPaidOnce", "reversingAnUnknownClaimIsAnError"])
        XCTAssertEqual(report.failures.first?.messages.count, 1, "\(report)")
        XCTAssertTrue(report.failures.first?.messages.first?.contains("the insurer's books show the payment reversed") == true, "\(report)")
    }

    func testRunAllCountsOnlyThePassedScenariosAndFailsTheTestOncePerFailure() async {
        var passed = 0
        let reported = await keepingFailures { passed = await runAll() }
        XCTAssertEqual(passed, Self.allScenarios.count - 1, "the failed scenario is not counted")
        XCTAssertEqual(reported.count, 1, "\(reported)")
        XCTAssertTrue(reported.allSatisfy { $0.contains("[reversalUndoesThePaymentOnce]") }, "\(reported)")
    }

    func testRunRunsOneScenarioByName() async {
        var results: [Bool] = []
        let reported = await keepingFailures {
            for name in ["paysAtMostWhatIsLeft", "reversalUndoesThePaymentOnce", "noSuchScenario"] { results.append(await run(name)) }
        }
        XCTAssertEqual(results, [true, false, false])
        XCTAssertEqual(reported.count, 2, "\(reported)")
        XCTAssertTrue(reported.first?.contains("[reversalUndoesThePaymentOnce]") == true, "\(reported)")
        XCTAssertTrue(reported.last?.contains("no scenario named noSuchScenario") == true, "\(reported)")
    }
}
