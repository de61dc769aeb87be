import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

/// The checkout recovery suite runs against the adapters and observations a vendor gives it: a
/// bank that books a retried advance twice fails it where a resumed checkout asks again.
final class DoubleBookingBankRecoveryTests: CheckoutRecoveryConformance {
    /// Whether the suite may look into the bank's books; without, the observations are the suite's defaults.
    private var observesTheBooks = true

    override func makeStore() throws -> any LedgerStore & EncounterStore { InMemoryLedgerStore() }
    override func reopen(_ store: any LedgerStore & EncounterStore) throws -> any LedgerStore & EncounterStore { store }
    override func makeCreditProvider() throws -> any CreditProviderAdapter { DoubleBookingBank() }

    override func captureNotices(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [CaptureNotice] {
        guard observesTheBooks else { return try await super.captureNotices(for: encounter, from: adapter) }
        return try XCTUnwrap(adapter as? DoubleBookingBank).books.captureNotices(for: encounter)
    }

    override func advances(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [AdvanceRequest] {
        guard observesTheBooks else { return try await super.advances(for: encounter, from: adapter) }
        return try XCTUnwrap(adapter as? DoubleBookingBank).books.advanceRequests(for: encounter)
    }

    func testTheSuiteFailsABankThatBooksTheResumedAdvanceAgain() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement"], "\(report)")
        let messages = report.failures.flatMap(\.messages)
        // Only a crash after the bank was asked makes the resumed checkout ask again.
        let points = CheckoutCrashPoint.allCases.filter { point in messages.contains { $0.contains("[\(point)]") } }
        XCTAssertEqual(points, [.bankCalled, .notified], "\(messages)")
        XCTAssertTrue(messages.allSatisfy { $0.contains("one advance") }, "\(messages)")
    }

    func testTheSuiteFailsWhenTheBooksOfAVendorsBankCannotBeSeen() async {
        observesTheBooks = false
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement"], "\(report)")
        XCTAssertTrue(report.failures.first?.messages.first?.contains("Override captureNotices(for:from:)") == true, "\(report)")
    }
}
