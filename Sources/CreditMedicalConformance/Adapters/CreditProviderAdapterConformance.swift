public import CreditMedicalCore
public import XCTest

/// The conformance suite for a ``CreditProviderAdapter``. Subclass it, override
/// ``makeAdapter()``, ``grantedLine`` (a line the bank's test system has granted) and
/// ``receiveRepayment(_:amount:)`` (make the bank's test system receive a repayment), and declare
/// one test that calls ``runAll()`` and compares the count with ``allScenarios``.
open class CreditProviderAdapterConformance: XCTestCase {
    /// A fresh adapter; each scenario calls this once.
    open func makeAdapter() throws -> any CreditProviderAdapter {
        throw ConformanceError("Override makeAdapter() to return the adapter under test.")
    }

    /// A line the bank's test system has granted; the suite only queries it and sends notices.
    open var grantedLine: CreditLineID { "conformance-line" }

    /// Makes the bank's test system receive a repayment of `amount` on ``grantedLine`` and returns
    /// its id, as the adapter will deliver it.
    open func receiveRepayment(_ adapter: any CreditProviderAdapter, amount: Money) async throws -> String {
        throw ConformanceError("Override receiveRepayment(_:amount:) to make the bank's test system receive a repayment.")
    }

    public static let allScenarios: [ConformanceScenario<CreditProviderAdapterConformance.Subject>] = [
        .init("lineQueryAnswersTheGrantedLine", lineQueryAnswersTheGrantedLine),
        .init("noticesAndAdvancesAreIdempotent", noticesAndAdvancesAreIdempotent),
        .init("unknownAdvanceIsAnError", unknownAdvanceIsAnError),
        .init("repaymentsAreDeliveredUntilAcknowledged", repaymentsAreDeliveredUntilAcknowledged),
    ]

    /// Runs every scenario of ``allScenarios`` on a fresh adapter and returns how many ran.
    @discardableResult
    public func runAll() async -> Int {
        await runScenarios(Self.allScenarios) { Subject(adapter: try makeAdapter(), line: grantedLine, suite: UncheckedBox(self)) }
    }

    /// What a scenario works with.
    public struct Subject: Sendable {
        let adapter: any CreditProviderAdapter
        let line: CreditLineID
        let suite: UncheckedBox<CreditProviderAdapterConformance>
        let run = UInt64.random(in: 1...UInt64.max)

        func request(_ name: String) -> AdapterRequestID { AdapterRequestID("conformance-\(run)-\(name)") }
    }

    static func lineQueryAnswersTheGrantedLine(_ s: Subject) async throws {
        let line = try await s.adapter.line(s.line)
        XCTAssertEqual(line.line, s.line, "[lineQueryAnswersTheGrantedLine]")
        XCTAssertTrue(line.grantedLimit.fen >= 0, "[lineQueryAnswersTheGrantedLine] limit \(line.grantedLimit)")
    }

    static func noticesAndAdvancesAreIdempotent(_ s: Subject) async throws {
        let now = Timestamp(millisecondsSince1970: 1_795_996_800_000)
        let notice = CaptureNotice(requestID: s.request("capture"), line: s.line, encounter: EncounterID("conformance-\(s.run)"),
                                   amount: Money(fen: 12_300), capturedAt: now)
        try await s.adapter.noticeCapture(notice)
        try await s.adapter.noticeCapture(notice)
        let advance = AdvanceRequest(requestID: s.request("advance"), line: s.line, encounter: notice.encounter,
                                     amount: notice.amount, requestedAt: now, dueBy: now.adding(seconds: 86_400))
        try await s.adapter.requestAdvance(advance)
        try await s.adapter.requestAdvance(advance)
        let status = try await s.adapter.advanceStatus(advance.requestID)
        let again = try await s.adapter.advanceStatus(advance.requestID)
        if case .pending = status { return }
        XCTAssertEqual(again, status, "[noticesAndAdvancesAreIdempotent] a paid advance stays paid at the same time")
    }

    static func unknownAdvanceIsAnError(_ s: Subject) async throws {
        await expectThrows(AdapterError.Code.unknownSettlement, "unknownAdvanceIsAnError") {
            _ = try await s.adapter.advanceStatus(s.request("no-such-advance"))
        }
    }

    static func repaymentsAreDeliveredUntilAcknowledged(_ s: Subject) async throws {
        let id = try await s.suite.value.receiveRepayment(s.adapter, amount: Money(fen: 4_200))
        let first = try await s.adapter.pendingRepayments(limit: 1_000)
        let again = try await s.adapter.pendingRepayments(limit: 1_000)
        XCTAssertEqual(first.filter { $0.id == id }.count, 1, "[repaymentsAreDeliveredUntilAcknowledged] delivered once per call")
        XCTAssertEqual(again.filter { $0.id == id }.map(\.amount), [Money(fen: 4_200)], "[repaymentsAreDeliveredUntilAcknowledged] until acknowledged")
        try await s.adapter.acknowledgeRepayments([id])
        let after = try await s.adapter.pendingRepayments(limit: 1_000)
        XCTAssertFalse(after.contains { $0.id == id }, "[repaymentsAreDeliveredUntilAcknowledged] never after")
    }
}
