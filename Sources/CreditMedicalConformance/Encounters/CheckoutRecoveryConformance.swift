public import CreditMedicalCore
public import CreditMedicalHIS
import CreditMedicalTesting
public import XCTest

/// The crash-safety suite for a store that keeps both the ledger and the desk's paperwork (as the
/// SQLite and PostgreSQL stores do). A checkout that dies between any two of its steps, with the
/// store closed and opened again as a new process would, ends in exactly one settlement: nothing
/// paid, captured, advanced or notified twice, nothing lost; a reversal interrupted half-way
/// completes once.
///
/// Subclass it, override ``makeStore()`` and ``reopen(_:)``, and declare one test that calls
/// ``runAll()`` and compares the count with ``allScenarios``.
open class CheckoutRecoveryConformance: XCTestCase {
    /// A fresh, empty store.
    open func makeStore() throws -> any LedgerStore & EncounterStore {
        throw ConformanceError("Override makeStore() to return a fresh, empty store.")
    }

    /// The same store closed and opened again.
    open func reopen(_ store: any LedgerStore & EncounterStore) throws -> any LedgerStore & EncounterStore {
        throw ConformanceError("Override reopen(_:) to open the store again.")
    }

    public static let allScenarios: [ConformanceScenario<CheckoutRecoveryConformance.Subject>] = [
        .init("aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement", aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement),
        .init("aReversalInterruptedHalfWayCompletesOnce", aReversalInterruptedHalfWayCompletesOnce),
    ]

    /// Runs every scenario of ``allScenarios`` and returns how many ran.
    @discardableResult
    public func runAll() async -> Int {
        await runScenarios(Self.allScenarios) { Subject(suite: UncheckedBox(self)) }
    }

    /// What a scenario works with: the suite, which makes and reopens stores.
    public struct Subject: Sendable {
        let suite: UncheckedBox<CheckoutRecoveryConformance>
    }

    private struct SimulatedCrash: Error {}

    private static let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)
    private static let patient = Patient(id: "P1", line: "L1", medicalInsuranceNumber: "YB-1", commercialPolicy: "SB-1")

    private static func desk(_ store: any LedgerStore & EncounterStore, _ parties: FakeParties, _ clock: ManualClock,
                             crashAt point: CheckoutCheckpoint? = nil) -> CreditDesk {
        CreditDesk(
            ledger: Ledger(store: store, clock: clock), store: store, medicalInsurance: parties.medicalInsurance,
            commercialInsurance: parties.commercialInsurance, bank: parties.bank, notifications: parties.notifications,
            configuration: .init(), checkpoint: { if $0 == point { throw SimulatedCrash() } })
    }

    /// Opens line L1 and encounter MZ-1 and charges three items (52,845 fen).
    private static func openAndCharge(_ desk: CreditDesk, at time: Timestamp) async throws {
        try await desk.ledger.execute(.openLine("L1", limit: Money(fen: 1_000_000)), key: "open-L1")
        try await desk.open("MZ-1", kind: .outpatient, patient: patient, department: "内科")
        let items = try [("REG", 2_500, InsuranceClass.a), ("CT", 38_000, .b), ("RX", 12_345, .c)].map { id, fen, insuranceClass in
            try ChargeItem(id: ChargeItemID(id), code: id, name: id, category: .examination, insuranceClass: insuranceClass,
                           quantity: Quantity(units: 1), unitPrice: Money(fen: Int64(fen)), time: time)
        }
        try await desk.charge(items, to: "MZ-1")
    }

    static func aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement(_ s: Subject) async throws {
        for point in CheckoutCheckpoint.allCases {
            let label = "[aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement] [\(point)]"
            let clock = ManualClock(start)
            let parties = FakeParties(medical: .init(deductible: Money(fen: 10_000)))
            parties.medicalInsurance.openAccount("YB-1", balance: Money(fen: 1_000))
            let store = try s.suite.value.makeStore()
            let first = desk(store, parties, clock, crashAt: point)
            try await openAndCharge(first, at: clock.now())
            do {
                try await first.checkout("MZ-1")
                XCTFail("\(label) the checkout should have crashed")
            } catch is SimulatedCrash {}
            clock.advance(seconds: 60)
            let second = desk(try s.suite.value.reopen(store), parties, clock)
            try await second.resumeCheckouts()
            try await second.deliverNotifications()
            let record = try XCTUnwrap(second.store.settlement(of: "MZ-1"), label)
            XCTAssertEqual(record.step, .completed, label)
            let split = try XCTUnwrap(record.split, label)
            XCTAssertEqual(split.fund.fen + split.personalAccount.fen + split.commercial.fen + split.credit.fen + split.excess.fen,
                           52_845, "\(label) parts add up")
            XCTAssertEqual(parties.medicalInsurance.appliedCount, 1, "\(label) 医保 settled once")
            XCTAssertEqual(parties.commercialInsurance.appliedCount, 1, "\(label) 商保 paid once")
            XCTAssertEqual(parties.bank.advanceRequests.map(\.amount), [split.credit], "\(label) one advance")
            XCTAssertEqual(parties.bank.captureNotices.count, 1, "\(label) one capture notice")
            XCTAssertEqual(parties.bank.captureNotices.first?.capturedAt, record.capturedAt, "\(label) the bank and the record agree")
            XCTAssertEqual(parties.bank.advanceRequests.first?.dueBy, record.advanceDueBy, "\(label) the same due time")
            XCTAssertEqual(parties.notifications.delivered.filter { $0.kind == .settled }.count, 1, "\(label) one fee notice")
            XCTAssertTrue(try second.store.pendingNotifications(limit: 10).isEmpty, "\(label) outbox empty")
            let line = try XCTUnwrap(second.ledger.line("L1"), label)
            XCTAssertEqual([line.held, line.outstanding], [.zero, split.credit], "\(label) captured once, rest released")
            XCTAssertEqual(try second.ledger.hold("MZ-1")?.captured, split.credit, label)
            XCTAssertEqual(try second.encounter("MZ-1")?.status, .settled, label)
            let report = try LedgerAuditor(store: second.ledger.store).audit()
            XCTAssertTrue(report.violations.isEmpty, "\(label) \(report.violations)")
        }
    }

    static func aReversalInterruptedHalfWayCompletesOnce(_ s: Subject) async throws {
        let label = "[aReversalInterruptedHalfWayCompletesOnce]"
        let clock = ManualClock(start)
        let parties = FakeParties()
        let store = try s.suite.value.makeStore()
        let first = desk(store, parties, clock)
        try await openAndCharge(first, at: clock.now())
        try await first.checkout("MZ-1")
        // The insurer is down: the reversal stops after it was recorded as begun.
        parties.medicalInsurance.inject(.unavailable)
        do {
            try await first.reverseSettlement("MZ-1")
            XCTFail("\(label) the insurer is down")
        } catch is AdapterError {}
        let second = desk(try s.suite.value.reopen(store), parties, clock)
        XCTAssertEqual(try second.store.settlement(of: "MZ-1")?.step, .reversing, label)
        let finished = try await second.resumeCheckouts()
        XCTAssertEqual(finished.map(\.step), [.reversed], label)
        XCTAssertEqual(try second.ledger.line("L1")?.outstanding, .zero, label)
        XCTAssertEqual(parties.commercialInsurance.totalPaid, .zero, label)
        XCTAssertEqual(parties.medicalInsurance.accountBalance("YB-1"), .zero, label)
        let again = try await second.checkout("MZ-1")
        XCTAssertEqual(again.round, 2, label)
        XCTAssertEqual(again.step, .completed, label)
        XCTAssertEqual(try second.ledger.line("L1")?.outstanding, again.split?.credit, label)
        let report = try LedgerAuditor(store: second.ledger.store).audit()
        XCTAssertTrue(report.violations.isEmpty, "\(label) \(report.violations)")
    }
}
