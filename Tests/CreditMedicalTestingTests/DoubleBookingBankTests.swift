import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// The bank suite fails a bank that books an advance again when the request is retried, and a
/// vendor who does not say how to look into the bank's books.
final class DoubleBookingBankTests: CreditProviderAdapterConformance {
    /// Whether the suite may look into the bank's books; without, the observations are the suite's defaults.
    private var observesTheBooks = true

    override func makeAdapter() throws -> any CreditProviderAdapter {
        let bank = DoubleBookingBank()
        bank.books.grant(grantedLine, limit: Money(fen: 500_000))
        return bank
    }

    override func receiveRepayment(_ adapter: any CreditProviderAdapter, amount: Money) async throws -> String {
        try XCTUnwrap(adapter as? DoubleBookingBank).books.receiveRepayment(
            RepaymentNotice(id: "repayment-1", line: grantedLine, amount: amount, receivedAt: Timestamp(millisecondsSince1970: 0)))
        return "repayment-1"
    }

    override func captureNotices(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [CaptureNotice] {
        guard observesTheBooks else { return try await super.captureNotices(for: encounter, from: adapter) }
        return try XCTUnwrap(adapter as? DoubleBookingBank).books.captureNotices(for: encounter)
    }

    override func advances(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [AdvanceRequest] {
        guard observesTheBooks else { return try await super.advances(for: encounter, from: adapter) }
        return try XCTUnwrap(adapter as? DoubleBookingBank).books.advanceRequests(for: encounter)
    }

    func testTheSuiteFailsABankThatBooksARetriedAdvanceTwice() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["advancesAreBookedOnce"], "\(report)")
        let messages = report.failures.flatMap(\.messages)
        XCTAssertTrue(messages.contains { $0.contains("an advance requested twice is booked once") }, "\(messages)")
    }

    func testTheSuiteFailsWhenTheBooksCannotBeSeen() async {
        observesTheBooks = false
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["captureNoticesAreBookedOnce", "advancesAreBookedOnce"], "\(report)")
        XCTAssertTrue(report.failures.allSatisfy { $0.messages.contains { $0.contains("Override") } }, "\(report)")
    }
}
