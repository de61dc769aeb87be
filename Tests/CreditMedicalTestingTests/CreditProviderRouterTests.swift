import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// The router is a bank adapter like any other: it passes the bank suite with the granted line at
/// the second of two banks.
final class CreditProviderRouterConformanceTests: CreditProviderAdapterConformance {
    let (bankA, bankB) = (FakeCreditProvider(), FakeCreditProvider())

    override func makeAdapter() throws -> any CreditProviderAdapter {
        let directory = FakeCreditLineDirectory()
        directory.register(grantedLine, bank: "bank-b")
        bankB.grant(grantedLine, limit: Money(fen: 500_000))
        return CreditProviderRouter(banks: ["bank-a": bankA, "bank-b": bankB], directory: directory)
    }

    override func receiveRepayment(_ adapter: any CreditProviderAdapter, amount: Money) async throws -> String {
        bankB.receiveRepayment(RepaymentNotice(id: "repayment-1", line: grantedLine, amount: amount,
                                               receivedAt: Timestamp(millisecondsSince1970: 1_795_996_800_000)))
        return "bank-b:repayment-1"
    }

    override func handovers(of line: CreditLineID, from adapter: any CreditProviderAdapter) async throws -> [CollectionHandover] {
        bankB.handovers.filter { $0.line == line }
    }

    override func reversals(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [ReversalNotice] {
        bankB.reversalNotices(for: encounter)
    }

    override func captureNotices(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [CaptureNotice] {
        bankB.captureNotices(for: encounter)
    }

    override func advances(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [AdvanceRequest] {
        bankB.advanceRequests(for: encounter)
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
        XCTAssertEqual(bankA.captureNotices, [], "nothing went to the other bank")
        XCTAssertEqual(bankA.advanceRequests, [])
    }
}

final class CreditProviderRouterTests: XCTestCase {
    let (bankA, bankB) = (FakeCreditProvider(), FakeCreditProvider())
    let directory = FakeCreditLineDirectory()
    let now = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    var router: CreditProviderRouter { CreditProviderRouter(banks: ["bank-a": bankA, "bank-b": bankB], directory: directory) }

    override func setUp() {
        directory.register("LA", bank: "bank-a")
        directory.register("LB", bank: "bank-b")
    }

    func testEachLinesCallsGoToItsBankAndAnAdvanceIsFoundAfterARestart() async throws {
        let router = router
        for (line, encounter) in [("LA", "MZ-A"), ("LB", "MZ-B")] as [(CreditLineID, EncounterID)] {
            try await router.noticeCapture(CaptureNotice(requestID: AdapterRequestID("cap-\(encounter)"), line: line, encounter: encounter, amount: Money(fen: 100),
                                                         capturedAt: now))
            try await router.requestAdvance(AdvanceRequest(requestID: AdapterRequestID("adv-\(encounter)"), line: line, encounter: encounter,
                                                           amount: Money(fen: 100), requestedAt: now, dueBy: now.adding(seconds: 86_400)))
        }
        XCTAssertEqual(bankA.captureNotices.map(\.encounter), ["MZ-A"])
        XCTAssertEqual(bankB.advanceRequests.map(\.encounter), ["MZ-B"])
        bankB.payAdvances(at: now)
        let restarted = self.router
        let status = try await restarted.advanceStatus("adv-MZ-B")
        XCTAssertEqual(status, .paid(at: now), "asked of each bank until one knows it")
        let pending = try await restarted.advanceStatus("adv-MZ-A")
        XCTAssertEqual(pending, .pending)
        do {
            try await router.noticeCapture(CaptureNotice(requestID: "x", line: "L-unknown", encounter: "MZ-X", amount: Money(fen: 1), capturedAt: now))
            XCTFail("a line no bank granted")
        } catch {
            XCTAssertTrue(AdapterError.Code.unavailable ~= error, "\(error)")
        }
    }

    func testTwoBanksRepaymentsWithOneIdAreTwoRepaymentsEachAcknowledgedToItsBank() async throws {
        let ledger = Ledger(store: InMemoryLedgerStore(), clock: ManualClock(now))
        for line in ["LA", "LB"] as [CreditLineID] {
            try await ledger.execute(.openLine(line, limit: Money(fen: 10_000)), key: IdempotencyKey("open-\(line)"))
            try await ledger.execute(.placeHold(HoldID("H-\(line)"), line: line, amount: Money(fen: 5_000), expiresAt: nil),
                                     key: IdempotencyKey("hold-\(line)"))
            try await ledger.execute(.captureHold(HoldID("H-\(line)"), amount: Money(fen: 5_000)), key: IdempotencyKey("cap-\(line)"))
        }
        bankA.receiveRepayment(RepaymentNotice(id: "R-1", line: "LA", amount: Money(fen: 2_000), receivedAt: now))
        bankB.receiveRepayment(RepaymentNotice(id: "R-1", line: "LB", amount: Money(fen: 3_000), receivedAt: now.adding(seconds: 1)))
        let applied = try await ledger.collectRepayments(from: router)
        XCTAssertEqual(applied.map(\.0.id), ["bank-a:R-1", "bank-b:R-1"])
        XCTAssertEqual(try ledger.line("LA")?.outstanding, Money(fen: 3_000))
        XCTAssertEqual(try ledger.line("LB")?.outstanding, Money(fen: 2_000))
        let bankAPending = try await bankA.pendingRepayments(limit: 10)
        let bankBPending = try await bankB.pendingRepayments(limit: 10)
        XCTAssertEqual(bankAPending + bankBPending, [], "each acknowledged to its bank")
        do {
            try await router.acknowledgeRepayments(["bank-c:R-1"])
            XCTFail("a repayment of no known bank")
        } catch {
            XCTAssertTrue(AdapterError.Code.unavailable ~= error, "\(error)")
        }
    }
}
