public import CreditMedicalCore
import XCTest

/// The conformance suite for a `CreditProviderAdapter`. Subclass it, override ``makeAdapter()``,
/// ``grantedLine`` (a line the bank's test system has granted), ``receiveRepayment(_:amount:)``
/// (make the bank's test system receive a repayment), ``captureNotices(for:from:)``,
/// ``advances(for:from:)``, ``reversals(for:from:)`` and ``handovers(of:from:)`` (what the bank's
/// test system booked),
/// and declare one test that calls
/// ``ConformanceSuite/runAll()`` and compares the count with ``allScenarios``.
open class CreditProviderAdapterConformance: ConformanceSuite {
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

    /// The capture notices the bank's test system booked for `encounter`, one entry per booking
    /// (a notice booked twice appears twice), in the order booked, with the request id, line,
    /// amount and capture time it booked. Look them up in the test system itself, not in the
    /// adapter's memory.
    open func captureNotices(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [CaptureNotice] {
        throw ConformanceError("Override captureNotices(for:from:) to return the capture notices the bank's test system booked for an encounter.")
    }

    /// The advances the bank's test system booked for `encounter`, one entry per booking (an
    /// advance booked twice appears twice), in the order booked, with the request id, line,
    /// amount, request time and due time it booked. Look them up in the test system itself.
    open func advances(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [AdvanceRequest] {
        throw ConformanceError("Override advances(for:from:) to return the advances the bank's test system booked for an encounter.")
    }

    /// The reversal notices the bank's test system booked for `encounter`, one entry per booking,
    /// in the order booked, as booked. Look them up in the test system itself.
    open func reversals(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [ReversalNotice] {
        throw ConformanceError("Override reversals(for:from:) to return the reversal notices the bank's test system booked for an encounter.")
    }

    /// The receivables of `line` the bank's test system took over for collection, one entry per
    /// booking, in the order booked, as booked. Look them up in the test system itself.
    open func handovers(of line: CreditLineID, from adapter: any CreditProviderAdapter) async throws -> [CollectionHandover] {
        throw ConformanceError("Override handovers(of:from:) to return the hand-overs the bank's test system booked for a line.")
    }

    public static let allScenarios: [ConformanceScenario<CreditProviderAdapterConformance.Subject>] = [
        .init("lineQueryAnswersTheGrantedLine", lineQueryAnswersTheGrantedLine),
        .init("captureNoticesAreBookedOnce", captureNoticesAreBookedOnce),
        .init("advancesAreBookedOnce", advancesAreBookedOnce),
        .init("unknownAdvanceIsAnError", unknownAdvanceIsAnError),
        .init("reversalNoticesAreBookedOnce", reversalNoticesAreBookedOnce),
        .init("handoversAreBookedOnce", handoversAreBookedOnce),
        .init("repaymentsAreDeliveredUntilAcknowledged", repaymentsAreDeliveredUntilAcknowledged),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios, of: self, makeAdapter)
    }

    /// What a scenario works with.
    public typealias Subject = AdapterSubject<any CreditProviderAdapter, CreditProviderAdapterConformance>

    private static let now = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    static func lineQueryAnswersTheGrantedLine(_ s: Subject) async throws {
        let line = try await s.adapter.line(s.suite.grantedLine)
        XCTAssertEqual(line.line, s.suite.grantedLine, "[lineQueryAnswersTheGrantedLine]")
        XCTAssertTrue(line.grantedLimit.fen >= 0, "[lineQueryAnswersTheGrantedLine] limit \(line.grantedLimit)")
    }

    static func captureNoticesAreBookedOnce(_ s: Subject) async throws {
        let (line, encounter) = (s.suite.grantedLine, s.encounter("capture"))
        let notice = CaptureNotice(requestID: s.request("capture"), line: line, encounter: encounter, amount: Money(fen: 12_300), capturedAt: now)
        try await s.adapter.noticeCapture(notice)
        try await s.adapter.noticeCapture(notice)
        let booked = try await s.suite.captureNotices(for: encounter, from: s.adapter)
        XCTAssertEqual(booked, [notice], "[captureNoticesAreBookedOnce] a notice sent twice is booked once, as sent")
    }

    static func advancesAreBookedOnce(_ s: Subject) async throws {
        let (line, encounter) = (s.suite.grantedLine, s.encounter("advance"))
        let advance = AdvanceRequest(requestID: s.request("advance"), line: line, encounter: encounter, amount: Money(fen: 12_300),
                                     requestedAt: now, dueBy: now.adding(seconds: 86_400))
        try await s.adapter.requestAdvance(advance)
        try await s.adapter.requestAdvance(advance)
        let booked = try await s.suite.advances(for: encounter, from: s.adapter)
        XCTAssertEqual(booked, [advance], "[advancesAreBookedOnce] an advance requested twice is booked once, as requested")
        let status = try await s.adapter.advanceStatus(advance.requestID)
        let again = try await s.adapter.advanceStatus(advance.requestID)
        if case .pending = status { return }
        XCTAssertEqual(again, status, "[advancesAreBookedOnce] a paid advance stays paid at the same time")
    }

    static func reversalNoticesAreBookedOnce(_ s: Subject) async throws {
        let (line, encounter) = (s.suite.grantedLine, s.encounter("reversal"))
        let advance = AdvanceRequest(requestID: s.request("reversal-advance"), line: line, encounter: encounter, amount: Money(fen: 12_300),
                                     requestedAt: now, dueBy: now.adding(seconds: 86_400))
        try await s.adapter.requestAdvance(advance)
        let notice = ReversalNotice(requestID: s.request("reversal"), line: line, encounter: encounter, amount: Money(fen: 2_300),
                                    advanceRequestID: advance.requestID, institution: advance.institution, advancePaid: false,
                                    reversedAt: now.adding(seconds: 3_600))
        try await s.adapter.noticeReversal(notice)
        try await s.adapter.noticeReversal(notice)
        let booked = try await s.suite.reversals(for: encounter, from: s.adapter)
        XCTAssertEqual(booked, [notice], "[reversalNoticesAreBookedOnce] a reversal sent twice is booked once, as sent")
    }

    static func handoversAreBookedOnce(_ s: Subject) async throws {
        let line = s.suite.grantedLine
        let handover = CollectionHandover(requestID: s.request("handover"), line: line, hold: HoldID("conformance-\(s.request("hold").rawValue)"),
                                          owed: Money(fen: 45_600), daysPastDue: 90, dueAt: now, at: now.adding(seconds: 90 * 86_400))
        let before = try await s.suite.handovers(of: line, from: s.adapter).filter { $0.requestID == handover.requestID }
        try await s.adapter.handOver(handover)
        try await s.adapter.handOver(handover)
        let booked = try await s.suite.handovers(of: line, from: s.adapter).filter { $0.hold == handover.hold }
        XCTAssertEqual(before, [], "[handoversAreBookedOnce] nothing booked before")
        XCTAssertEqual(booked, [handover], "[handoversAreBookedOnce] a hand-over sent twice is booked once, as sent")
    }

    static func unknownAdvanceIsAnError(_ s: Subject) async throws {
        await expectThrows(AdapterError.Code.unknownSettlement, "unknownAdvanceIsAnError") {
            _ = try await s.adapter.advanceStatus(s.request("no-such-advance"))
        }
    }

    static func repaymentsAreDeliveredUntilAcknowledged(_ s: Subject) async throws {
        let id = try await s.suite.receiveRepayment(s.adapter, amount: Money(fen: 4_200))
        let first = try await s.adapter.pendingRepayments(limit: 1_000)
        let again = try await s.adapter.pendingRepayments(limit: 1_000)
        XCTAssertEqual(first.filter { $0.id == id }.count, 1, "[repaymentsAreDeliveredUntilAcknowledged] delivered once per call")
        XCTAssertEqual(again.filter { $0.id == id }.map(\.amount), [Money(fen: 4_200)], "[repaymentsAreDeliveredUntilAcknowledged] until acknowledged")
        try await s.adapter.acknowledgeRepayments([id])
        let after = try await s.adapter.pendingRepayments(limit: 1_000)
        XCTAssertFalse(after.contains { $0.id == id }, "[repaymentsAreDeliveredUntilAcknowledged] never after")
    }
}
