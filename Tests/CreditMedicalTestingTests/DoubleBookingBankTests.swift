import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// The bank suite fails a bank that books an advance again when the request is retried.
final class DoubleBookingBankTests: CreditProviderAdapterConformance {
    override func makeAdapter() throws -> any CreditProviderAdapter {
        let bank = DoubleBookingBank()
        bank.books.grant(grantedLine, limit: Money(fen: 500_000))
        return bank
    }

    override func receiveRepayment(_ adapter: any CreditProviderAdapter, amount: Money) async throws -> String {
        try DoubleBookingBank.books(of: adapter).receiveRepayment(
            RepaymentNotice(id: "repayment-1", line: grantedLine, amount: amount, receivedAt: Timestamp(millisecondsSince1970: 0)))
        return "repayment-1"
    }

    override func handovers(of line: CreditLineID, from adapter: any CreditProviderAdapter) async throws -> [CollectionHandover] {
        try DoubleBookingBank.books(of: adapter).handovers.filter { $0.line == line }
    }

    override func reversals(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [ReversalNotice] {
        try DoubleBookingBank.books(of: adapter).reversalNotices(for: encounter)
    }

    override func captureNotices(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [CaptureNotice] {
        try DoubleBookingBank.books(of: adapter).captureNotices(for: encounter)
    }

    override func advances(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [AdvanceRequest] {
        try DoubleBookingBank.books(of: adapter).advanceRequests(for: encounter)
    }

    func testTheSuiteFailsABankThatBooksARetriedAdvanceReversalOrHandoverTwice() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["advancesAreBookedOnce", "reversalNoticesAreBookedOnce", "handoversAreBookedOnce"], "\(report)")
        let messages = report.failures.flatMap(\.messages)
        XCTAssertTrue(messages.contains { $0.contains("an advance requested twice is booked once") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("a reversal sent twice is booked once") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("a hand-over sent twice is booked once") }, "\(messages)")
    }
}
