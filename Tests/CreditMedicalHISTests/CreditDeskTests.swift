import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Synchronization
import CreditMedicalTestSupport
import XCTest

final class CreditDeskTests: XCTestCase {
    /// 2026-11-30 08:00 in Shanghai.
    private let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)
    private var clock: ManualClock!
    private var ledger: Ledger!
    private var store: InMemoryEncounterStore!
    private var parties: FakeParties!

    override func setUp() async throws {
        clock = ManualClock(start)
        ledger = Ledger(store: InMemoryLedgerStore(), clock: clock)
        store = InMemoryEncounterStore()
        parties = FakeParties(medical: .init(deductible: Money(fen: 10_000), classBPermille: 700),
                              commercial: .init(permille: 500, perClaimCap: Money(fen: 100_000)))
    }

    private func desk(_ policy: ExcessPolicy = .lockAvailable) -> CreditDesk {
        parties.desk(ledger: ledger, store: store, configuration: .init(excessPolicy: policy))
    }

    private func enroll(_ line: CreditLineID, limit: Int64) async throws {
        try await ledger.execute(.openLine(line, limit: Money(fen: limit)), key: IdempotencyKey("open-\(line)"))
    }

    private func patient(_ line: CreditLineID, insured: Bool = true, commercial: Bool = true) -> Patient {
        Patient(id: "patient-\(line)", line: line, medicalInsuranceNumber: insured ? "YB-\(line)" : nil,
                commercialPolicy: commercial ? "SB-\(line)" : nil)
    }

    private func item(_ id: String, _ fen: Int64, _ insuranceClass: InsuranceClass = .a, at time: Timestamp? = nil,
                      quantity: String = "1") throws -> ChargeItem {
        try ChargeItem(id: ChargeItemID(id), code: "X-\(id)", name: "item \(id)", category: .examination, insuranceClass: insuranceClass,
                       quantity: Quantity(parsing: quantity), unitPrice: Money(fen: fen), time: time ?? clock.now())
    }

    private func line(_ id: CreditLineID) throws -> CreditLine { try XCTUnwrap(ledger.line(id)) }

    private func assertAddsUp(_ record: SettlementRecord, file: StaticString = #filePath, line: UInt = #line) throws {
        let split = try XCTUnwrap(record.split, file: file, line: line)
        XCTAssertEqual(split.fund.fen + split.personalAccount.fen + split.commercial.fen + split.credit.fen + split.excess.fen,
                       record.total.fen, "parts add up to the bill total", file: file, line: line)
    }

    func testOutpatientVisitLocksChargesSettlesOnceAndAsksForTheAdvance() async throws {
        try await enroll("L1", limit: 500_000)
        parties.medicalInsurance.openAccount("YB-L1", balance: Money(fen: 2_000))
        let desk = desk()
        try await desk.open("MZ-1", kind: .outpatient, patient: patient("L1"), department: "内科")
        let first = try await desk.charge([item("REG", 2_500), item("LAB", 18_050, .b)], to: "MZ-1")
        XCTAssertEqual(first.lockedChange.fen, 20_550)
        XCTAssertEqual(first.available?.fen, 500_000 - 20_550)
        try await desk.charge([item("RX", 4_830, .c, quantity: "2")], to: "MZ-1")
        let refund = try await desk.refund(ChargeRefund(id: "RF-1", item: "RX", quantity: Quantity(units: 1), time: clock.now()), in: "MZ-1")
        XCTAssertEqual(refund.lockedChange.fen, -4_830)
        XCTAssertEqual(try line("L1").held.fen, 25_380)

        clock.advance(seconds: 600)
        let record = try await desk.checkout("MZ-1")
        XCTAssertEqual(record.step, .completed)
        XCTAssertEqual(record.total.fen, 25_380)
        try assertAddsUp(record)
        let split = try XCTUnwrap(record.split)
        // Deductible 10,000 of class A; fund: 2,500 − ... A 2,500 all deductible, B 18,050: 7,500 deductible, 70 % of 10,550.
        XCTAssertEqual(split.fund.fen, 7_385)
        XCTAssertEqual(split.personalAccount.fen, 2_000)
        XCTAssertEqual(split.commercial.fen, (25_380 - 7_385 - 2_000) / 2)
        XCTAssertEqual(split.credit.fen, 25_380 - 7_385 - 2_000 - split.commercial.fen)
        XCTAssertEqual(split.excess, .zero)
        let after = try line("L1")
        XCTAssertEqual([after.held.fen, after.outstanding.fen], [0, split.credit.fen], "self-pay captured, the rest released")
        XCTAssertEqual(try desk.encounter("MZ-1")?.status, .settled)

        let advance = try XCTUnwrap(parties.bank.advanceRequests.first)
        XCTAssertEqual(advance.amount, split.credit)
        XCTAssertEqual(advance.dueBy, clock.now().adding(seconds: 86_400))
        XCTAssertEqual(parties.bank.captureNotices.map(\.amount), [split.credit])
        let kinds = parties.notifications.delivered(to: "patient-L1").map(\.kind)
        XCTAssertEqual(kinds, [.chargesLocked, .chargesLocked, .settled])
        XCTAssertTrue(try store.pendingNotifications(limit: 10).isEmpty, "the outbox is empty")

        // Checking out again returns the record and calls nobody.
        let applied = parties.medicalInsurance.appliedCount
        let again = try await desk.checkout("MZ-1")
        XCTAssertEqual(again, record)
        XCTAssertEqual(parties.medicalInsurance.appliedCount, applied)

        // The bank is late: reported overdue; once paid, not any more.
        clock.advance(seconds: 86_400 + 1)
        XCTAssertEqual(try desk.overdueAdvances().map(\.encounter), ["MZ-1"])
        let unpaid = try await desk.refreshAdvances()
        XCTAssertEqual(unpaid.count, 1)
        parties.bank.payAdvances(at: clock.now())
        let stillUnpaid = try await desk.refreshAdvances()
        XCTAssertTrue(stillUnpaid.isEmpty)
        XCTAssertTrue(try desk.overdueAdvances().isEmpty)
        XCTAssertEqual(try store.settlement(of: "MZ-1")?.advancePaidAt, clock.now())
        try assertCleanAudit()
    }

    func testChargesBeyondTheLineBecomeExcessUnderEitherPolicy() async throws {
        try await enroll("L1", limit: 10_000)
        try await enroll("L2", limit: 10_000)
        let partial = desk(.lockAvailable)
        try await partial.open("MZ-1", kind: .outpatient, patient: patient("L1", insured: false, commercial: false), department: "外科")
        try await partial.charge([item("A", 6_000)], to: "MZ-1")
        let over = try await partial.charge([item("B", 7_000)], to: "MZ-1")
        XCTAssertEqual([over.lockedChange.fen, over.excessChange.fen], [4_000, 3_000])
        // Told of the excess, and (in-visit warnings) that the line went past 80 % and is used up.
        XCTAssertEqual(parties.notifications.delivered(to: "patient-L1").suffix(4).map(\.kind),
                       [.chargesLocked, .excessDue, .usageWarning, .usageWarning])

        let whole = desk(.wholeOrder)
        try await whole.open("MZ-2", kind: .outpatient, patient: patient("L2", insured: false, commercial: false), department: "外科")
        try await whole.charge([item("A", 6_000)], to: "MZ-2")
        let refused = try await whole.charge([item("B", 7_000)], to: "MZ-2")
        XCTAssertEqual([refused.lockedChange.fen, refused.excessChange.fen], [0, 7_000])

        // A refund takes back the excess first, then the hold.
        let back = try await whole.refund(ChargeRefund(id: "R", item: "B", quantity: Quantity(units: 1), time: clock.now()), in: "MZ-2")
        XCTAssertEqual([back.lockedChange.fen, back.excessChange.fen], [0, -7_000])

        // Without insurance, the self-pay is the whole bill: the hold covers 10,000, 3,000 is excess.
        let record = try await partial.checkout("MZ-1")
        try assertAddsUp(record)
        XCTAssertEqual([record.split?.credit.fen, record.split?.excess.fen], [10_000, 3_000])
        try assertCleanAudit()
    }

    func testInpatientStayBillsDailyAndSettlesTheExcessAtDischarge() async throws {
        try await enroll("L1", limit: 100_000)
        let desk = desk()
        let calendar = BillingCalendar()
        try await desk.open("ZY-1", kind: .inpatient, patient: patient("L1", commercial: false), department: "骨科")
        var days: [BillingDay] = []
        for day in 0..<5 {
            let time = start.adding(seconds: Int64(day) * 86_400)
            days.append(calendar.day(of: time))
            try await desk.charge([item("BED-\(day)", 8_000, .a, at: time), item("DRUG-\(day)", 20_000, .b, at: time)], to: "ZY-1")
        }
        XCTAssertEqual(try line("L1").held, .zero, "inpatient charges wait for their daily bill")
        let firstDay = try await desk.closeDays(of: "ZY-1", through: days[0])
        XCTAssertEqual(firstDay.lockedChange.fen, 28_000)
        try await desk.refund(ChargeRefund(id: "RF", item: "DRUG-0", quantity: Quantity(parsing: "0.5"), time: clock.now()), in: "ZY-1")
        XCTAssertEqual(try line("L1").held.fen, 18_000, "a refund during the stay reduces the hold")
        let rest = try await desk.closeDays(of: "ZY-1", through: days[3])
        XCTAssertEqual(rest.lockedChange.fen, 100_000 - 18_000)
        XCTAssertEqual(rest.excessChange.fen, 28_000 * 3 - 82_000)
        XCTAssertTrue(parties.notifications.delivered(to: "patient-L1").contains { $0.kind == .creditExhausted })

        let record = try await desk.checkout("ZY-1")
        try assertAddsUp(record)
        XCTAssertEqual(record.total.fen, 5 * 28_000 - 10_000)
        XCTAssertEqual(try line("L1").held, .zero)
        XCTAssertEqual(try line("L1").outstanding, record.split?.credit)
        try assertCleanAudit()
    }

    func testReversalReducesWhatIsOwedOrRecordsARefundAndTheEncounterSettlesAgain() async throws {
        try await enroll("L1", limit: 100_000)
        let desk = desk()
        try await desk.open("MZ-1", kind: .outpatient, patient: patient("L1"), department: "内科")
        try await desk.charge([item("A", 30_000, .c), item("B", 20_000, .c)], to: "MZ-1")
        let first = try await desk.checkout("MZ-1")
        let credit = try XCTUnwrap(first.split?.credit)
        XCTAssertEqual(credit.fen, 25_000, "class C: 医保 pays nothing, 商保 half")
        // The patient repays 10,000 before the reversal.
        parties.bank.receiveRepayment(RepaymentNotice(id: "BK-1", line: "L1", amount: Money(fen: 10_000), receivedAt: clock.now()))
        try await ledger.collectRepayments(from: parties.bank)
        let again = try await ledger.collectRepayments(from: parties.bank)
        XCTAssertTrue(again.isEmpty, "acknowledged repayments are not applied again")

        let reversed = try await desk.reverseSettlement("MZ-1")
        XCTAssertEqual(reversed.step, .reversed)
        XCTAssertEqual(reversed.refundOwed.fen, 10_000)
        XCTAssertEqual(try line("L1").outstanding, .zero)
        XCTAssertEqual(parties.commercialInsurance.totalPaid, .zero)
        XCTAssertEqual(try desk.encounter("MZ-1")?.status, .open)

        // Refund one item and settle again, on a new hold.
        try await desk.refund(ChargeRefund(id: "RF", item: "B", quantity: Quantity(units: 1), time: clock.now()), in: "MZ-1")
        let second = try await desk.checkout("MZ-1")
        XCTAssertEqual(second.round, 2)
        try assertAddsUp(second)
        XCTAssertEqual(second.split?.credit.fen, 15_000)
        XCTAssertEqual(try line("L1").outstanding.fen, 15_000)
        XCTAssertEqual(try ledger.hold("MZ-1#2")?.captured.fen, 15_000)
        do {
            try await desk.reverseSettlement("MZ-2")
            XCTFail("unknown encounter")
        } catch BillingError.Code.encounterNotFound {}
        try assertCleanAudit()
    }

    func testTimeoutsAndOutagesResumeWithoutPayingTwice() async throws {
        try await enroll("L1", limit: 100_000)
        let desk = desk()
        try await desk.open("MZ-1", kind: .outpatient, patient: patient("L1"), department: "内科")
        try await desk.charge([item("A", 30_000, .b)], to: "MZ-1")
        parties.medicalInsurance.inject(.timeoutAfterApplying)
        parties.commercialInsurance.inject(.unavailable, .deliveredTwice)
        parties.bank.inject(.timeoutAfterApplying)
        parties.notifications.inject(.unavailable)
        var stepsAfterFailures: [SettlementRecord.Step?] = []
        var record: SettlementRecord?
        for _ in 0..<6 where record?.step != .completed {
            do { record = try await desk.checkout("MZ-1") } catch is AdapterError {
                stepsAfterFailures.append(try store.settlement(of: "MZ-1")?.step)
            }
        }
        XCTAssertEqual(stepsAfterFailures, [.started, .started, .captured],
                       "medical timeout, commercial outage, bank timeout (the capture recorded before the retry)")
        XCTAssertEqual(record?.step, .completed)
        XCTAssertEqual([parties.medicalInsurance.appliedCount, parties.commercialInsurance.appliedCount], [1, 1])
        XCTAssertEqual(parties.bank.advanceRequests.count, 1)
        XCTAssertTrue(parties.notifications.delivered.filter { $0.kind == .settled }.isEmpty, "the notice failed once")
        let delivered = try await desk.deliverNotifications()
        XCTAssertEqual(delivered, 1)
        XCTAssertEqual(parties.notifications.delivered.filter { $0.kind == .settled }.count, 1)
        let nothingLeft = try await desk.deliverNotifications()
        XCTAssertEqual(nothingLeft, 0)
        try assertAddsUp(try XCTUnwrap(record))
        try assertCleanAudit()
    }

    func testAnInsurerWhoseQuoteDoesNotAddUpIsRefusedBeforeItPays() async throws {
        try await enroll("L1", limit: 100_000)
        let insurer = MiscountingInsurance()
        let desk = CreditDesk(ledger: ledger, store: store, medicalInsurance: insurer, commercialInsurance: nil,
                              bank: parties.bank, notifications: parties.notifications)
        try await desk.open("MZ-1", kind: .outpatient, patient: patient("L1"), department: "内科")
        try await desk.charge([item("A", 10_000)], to: "MZ-1")
        await assertThrows(BillingError.Code.splitMismatch) { try await desk.checkout("MZ-1") }
        XCTAssertEqual(insurer.settled, 0, "nothing was settled")
        XCTAssertEqual(try ledger.hold("MZ-1")?.state, .open, "nothing was captured")
        XCTAssertEqual(try store.settlement(of: "MZ-1")?.step, .started, "the checkout waits to be resumed or the insurer fixed")
    }

    func testAnOrdinaryEncounterSettlesWithoutTouchingCredit() async throws {
        try await enroll("L1", limit: 100_000)
        let desk = desk()
        try await desk.open("MZ-1", kind: .emergency, patient: patient("L1"), department: "急诊", paymentMode: .ordinary)
        let outcome = try await desk.charge([item("A", 30_000, .b), item("B", 5_000, .c)], to: "MZ-1")
        XCTAssertEqual([outcome.lockedChange, outcome.excessChange], [.zero, .zero])
        XCTAssertNil(outcome.available)
        let record = try await desk.checkout("MZ-1")
        try assertAddsUp(record)
        XCTAssertEqual(record.split?.credit, .zero)
        XCTAssertEqual(record.split?.excess, record.split?.selfPay, "the self-pay part is paid at the window")
        XCTAssertEqual(try line("L1").outstanding, .zero)
        XCTAssertNil(try ledger.hold("MZ-1"))
        XCTAssertTrue(parties.bank.advanceRequests.isEmpty, "no advance without credit")
        XCTAssertEqual(parties.notifications.delivered(to: "patient-L1").map(\.kind), [.settled])
    }

    func testBadInputIsRefusedAndChangesNothing() async throws {
        try await enroll("L1", limit: 100_000)
        try await ledger.execute(.openLine("L2", limit: Money(fen: 100_000)), key: "open-L2")
        try await ledger.execute(.freezeLine("L2"), key: "freeze-L2")
        let desk = desk()
        await assertThrows(BillingError.Code.notEnrolled) {
            try await desk.open("MZ-0", kind: .outpatient, patient: Patient(id: "p", line: nil), department: "d")
        }
        await assertThrows(LedgerError.Code.lineFrozen) {
            try await desk.open("MZ-0", kind: .inpatient, patient: self.patient("L2"), department: "d")
        }
        await assertThrows(BillingError.Code.encounterNotFound) { try await desk.charge([self.item("A", 1)], to: "MZ-9") }
        try await desk.open("MZ-1", kind: .outpatient, patient: patient("L1"), department: "内科")
        await assertThrows(BillingError.Code.encounterExists) {
            try await desk.open("MZ-1", kind: .emergency, patient: self.patient("L1"), department: "内科")
        }
        try await desk.charge([item("A", 1_000)], to: "MZ-1")
        let before = try store.bill(of: "MZ-1")
        await assertThrows(BillingError.Code.duplicateItem) { try await desk.charge([self.item("B", 5), self.item("A", 2_000)], to: "MZ-1") }
        await assertThrows(BillingError.Code.unknownItem) {
            try await desk.refund(ChargeRefund(id: "R", item: "Z", quantity: Quantity(units: 1), time: self.clock.now()), in: "MZ-1")
        }
        await assertThrows(BillingError.Code.notInpatient) { try await desk.closeDays(of: "MZ-1", through: BillingDay(year: 2026, month: 11, day: 25)) }
        await assertThrows(BillingError.Code.encounterHasCharges) { try await desk.cancel("MZ-1") }
        XCTAssertEqual(try store.bill(of: "MZ-1"), before)
        XCTAssertEqual(try line("L1").held.fen, 1_000)
        // The same order again is a retry, not a second charge.
        let retried = try await desk.charge([item("A", 1_000)], to: "MZ-1")
        XCTAssertEqual(retried.lockedChange, .zero)
        try await desk.checkout("MZ-1")
        await assertThrows(BillingError.Code.encounterNotOpen) { try await desk.charge([self.item("C", 1)], to: "MZ-1") }

        try await desk.open("MZ-2", kind: .outpatient, patient: patient("L1"), department: "内科")
        try await desk.charge([item("A", 1_000)], to: "MZ-2")
        try await desk.refund(ChargeRefund(id: "R", item: "A", quantity: Quantity(units: 1), time: clock.now()), in: "MZ-2")
        try await desk.cancel("MZ-2")
        XCTAssertEqual(try ledger.hold("MZ-2")?.state, .voided)
        try assertCleanAudit()
    }

    func testACrashAfterTheLedgerLockedButBeforeTheBillWasWrittenLocksNothingTwice() async throws {
        try await enroll("L1", limit: 100_000)
        let failNext = Mutex(false)
        let failing = InterceptedEncounterStore { changes in
            // The next write fails when told to, as a crash before the write would.
            guard !failNext.withLock({ fail in defer { fail = false }; return fail }) else { throw WriteFailure() }
            return changes
        }
        let desk = parties.desk(ledger: ledger, store: failing)
        try await desk.open("MZ-1", kind: .outpatient, patient: patient("L1"), department: "内科")
        try await desk.charge([item("A", 10_000)], to: "MZ-1")
        failNext.withLock { $0 = true }
        do {
            try await desk.charge([item("B", 20_000), item("C", 5_000)], to: "MZ-1")
            XCTFail("the write failed")
        } catch is WriteFailure {}
        XCTAssertEqual(try line("L1").held.fen, 35_000, "the ledger locked before the write failed")
        XCTAssertEqual(try failing.bill(of: "MZ-1").total.fen, 10_000, "the bill did not change")
        // The HIS retries the order: recorded once, locked once.
        let retried = try await desk.charge([item("B", 20_000), item("C", 5_000)], to: "MZ-1")
        XCTAssertEqual(retried.lockedChange.fen, 25_000, "what the ledger locked is counted, not locked again")
        XCTAssertEqual(try line("L1").held.fen, 35_000)
        XCTAssertEqual(retried.encounter.locked.fen + retried.encounter.uncovered.fen, 35_000)
        let record = try await desk.checkout("MZ-1")
        try assertAddsUp(record)
        XCTAssertEqual(record.total.fen, 35_000)
        try assertCleanAudit()
    }

    func testRandomEncountersAlwaysAddUp() async throws {
        let seed = try TestSeed(fixed: 20_261_130)
        var random = seed.generator()
        let desk = desk()
        var credited: Int64 = 0
        for visit in 0..<150 {
            let line = CreditLineID("L\(visit % 10)")
            if visit < 10 { try await enroll(line, limit: Int64(random.next(below: 5)) * 50_000) }
            let id = EncounterID("V\(visit)")
            let kind: EncounterKind = random.next(below: 4) == 0 ? .inpatient : .outpatient
            try await desk.open(id, kind: kind, patient: patient(line, insured: random.next(below: 3) != 0, commercial: random.next(below: 2) == 0),
                                department: "d")
            for order in 0..<Int(random.next(below: 4) + 1) {
                let items = try (0..<Int(random.next(below: 5) + 1)).map { index in
                    try item("\(order)-\(index)", Int64(random.next(below: 30_000)), [.a, .b, .c][Int(random.next(below: 3))],
                             quantity: ["1", "0.5", "2.333", "3"][Int(random.next(below: 4))])
                }
                try await desk.charge(items, to: id)
                if random.next(below: 3) == 0, let first = items.first {
                    try await desk.refund(ChargeRefund(id: ChargeItemID("r\(order)"), item: first.id, quantity: Quantity(thousandths: 500), time: clock.now()), in: id)
                }
            }
            if kind == .inpatient, random.next(below: 2) == 0 {
                try await desk.closeDays(of: id, through: BillingCalendar().day(of: clock.now()))
            }
            let record = try await desk.checkout(id)
            try assertAddsUp(record)
            XCTAssertEqual(record.total, try store.bill(of: id).total, "\(seed) visit \(visit)")
            credited += record.split?.credit.fen ?? 0
            clock.advance(seconds: Int64(random.next(below: 3_600)))
        }
        var outstanding: Int64 = 0
        for index in 0..<10 { outstanding += try line(CreditLineID("L\(index)")).outstanding.fen }
        XCTAssertEqual(outstanding, credited, "what the lines owe is what the settlements charged to credit, \(seed)")
        try assertCleanAudit()
    }

    private func assertCleanAudit(file: StaticString = #filePath, line: UInt = #line) throws {
        let report = try LedgerAuditor(store: ledger.store).audit()
        XCTAssertTrue(report.violations.isEmpty, "\(report.violations)", file: file, line: line)
        for line in try ledger.store.lines(after: nil, limit: 1_000) {
            let open = try ledger.holds(on: line.id).filter { $0.state == .open }.reduce(0) { $0 + $1.amount.fen }
            XCTAssertEqual(open, line.held.fen, "held equals the open holds of \(line.id)")
        }
    }
}

/// A medical insurer that quotes a fund part one fen too large, and counts the settlements it
/// was asked for.
private final class MiscountingInsurance: MedicalInsuranceAdapter {
    private let count = Mutex(0)
    var settled: Int { count.withLock { $0 } }

    func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        MedicalInsuranceSettlement(settlementID: "", fund: Money(fen: claim.total.fen + 1), personalAccount: .zero, cash: .zero)
    }

    func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        count.withLock { $0 += 1 }
        return try await preSettle(claim)
    }

    func reverse(settlementID: String, requestID: AdapterRequestID) async throws {}
}

/// A store write that failed.
private struct WriteFailure: Error {}
