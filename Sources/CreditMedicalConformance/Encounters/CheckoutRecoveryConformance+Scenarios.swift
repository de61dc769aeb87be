import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

extension CheckoutRecoveryConformance {
    private static let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)
    /// The bill's total: three items, one of each insurance class.
    private static let total: Int64 = 52_845

    /// Opens the line and `encounter` and charges three items (52,845 fen).
    private static func openAndCharge(_ encounter: EncounterID, on desk: CreditDesk, _ s: Subject) async throws {
        let suite = s.suite.value
        try await desk.ledger.execute(.openLine(suite.grantedLine, limit: limit), key: "open-line")
        let patient = Patient(id: suite.patient, line: suite.grantedLine, medicalInsuranceNumber: suite.insuredPerson,
                              commercialPolicy: suite.commercialPolicy)
        try await desk.open(encounter, kind: .outpatient, patient: patient, department: "内科")
        let items = try [("REG", 2_500, InsuranceClass.a), ("CT", 38_000, .b), ("RX", 12_345, .c)].map { id, fen, insuranceClass in
            try ChargeItem(id: ChargeItemID(id), code: id, name: id, category: .examination, insuranceClass: insuranceClass,
                           quantity: Quantity(units: 1), unitPrice: Money(fen: Int64(fen)), time: start)
        }
        try await desk.charge(items, to: encounter)
    }

    static func aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement(_ s: Subject) async throws {
        for point in CheckoutCrashPoint.allCases {
            let label = "[aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement] [\(point)]"
            let encounter = s.encounter(point.rawValue)
            let clock = ManualClock(start)
            let parties = try s.parties()
            let database = try s.suite.value.makeDatabase()
            let first = parties.desk(database, clock: clock, crashingAt: point)
            try await openAndCharge(encounter, on: first, s)
            do {
                try await first.checkout(encounter)
                XCTFail("\(label) the checkout should have crashed")
            } catch let crash as SimulatedCrash {
                XCTAssertEqual(crash.point, point, label)
            }
            clock.advance(seconds: 60)
            let second = parties.desk(try s.suite.value.reopen(database), clock: clock)
            let resumed = try await second.resumeCheckouts()
            XCTAssertTrue(resumed.isComplete, "\(label) \(resumed)")
            try await second.deliverNotifications()
            let record = try XCTUnwrap(second.store.settlement(of: encounter), label)
            XCTAssertEqual(record.step, .completed, label)
            let split = try XCTUnwrap(record.split, label)
            XCTAssertEqual(split.fund.fen + split.personalAccount.fen + split.commercial.fen + split.credit.fen + split.excess.fen,
                           total, "\(label) parts add up")
            try await expectInForce(record, parties, s, label)
            try await expectBooked(record, parties, s, label)
            XCTAssertTrue(try second.store.pendingNotifications(limit: 10).isEmpty, "\(label) outbox empty")
            let line = try XCTUnwrap(second.ledger.line(s.suite.value.grantedLine), label)
            XCTAssertEqual([line.held, line.outstanding], [.zero, split.credit], "\(label) captured once, rest released")
            let settled = try XCTUnwrap(second.encounter(encounter), label)
            XCTAssertEqual(settled.status, .settled, label)
            XCTAssertEqual(try second.ledger.hold(settled.hold)?.captured, split.credit, label)
            try expectCleanAudit(second, label)
            // Give the parties' test systems back what the checkout took.
            try await second.reverseSettlement(encounter)
        }
    }

    static func aReversalInterruptedHalfWayCompletesOnce(_ s: Subject) async throws {
        let label = "[aReversalInterruptedHalfWayCompletesOnce]"
        let encounter = s.encounter("reversal")
        let clock = ManualClock(start)
        let parties = try s.parties()
        let database = try s.suite.value.makeDatabase()
        let first = parties.desk(database, clock: clock)
        try await openAndCharge(encounter, on: first, s)
        let settled = try await first.checkout(encounter)
        let medical = try XCTUnwrap(settled.medical, label)
        XCTAssertTrue(medical.personalAccount.isPositive,
                      "\(label) the personal account paid nothing, so its restoring cannot be checked: give insuredPerson a balance")
        // 医保 is unreachable: the reversal stops after 商保 was reversed.
        parties.medicalSwitch.isUnreachable = true
        do {
            try await first.reverseSettlement(encounter)
            XCTFail("\(label) 医保 is unreachable")
        } catch is AdapterError {}
        parties.medicalSwitch.isUnreachable = false
        let second = parties.desk(try s.suite.value.reopen(database), clock: clock)
        XCTAssertEqual(try second.store.settlement(of: encounter)?.step, .reversing, label)
        let resumed = try await second.resumeCheckouts()
        XCTAssertEqual(resumed.finished.map(\.step), [.reversed], label)
        XCTAssertTrue(resumed.isComplete, "\(label) \(resumed)")
        XCTAssertEqual(try second.ledger.line(s.suite.value.grantedLine)?.outstanding, .zero, label)
        let reversedMedical = try await s.suite.value.settlements(for: encounter, from: parties.medical)
        XCTAssertEqual(reversedMedical, [], "\(label) 医保's books show the settlement reversed")
        let reversedCommercial = try await s.suite.value.payments(for: encounter, from: parties.commercial)
        XCTAssertEqual(reversedCommercial, [], "\(label) 商保's books show the claim reversed")
        let again = try await second.checkout(encounter)
        XCTAssertEqual(again.round, 2, label)
        XCTAssertEqual(again.step, .completed, label)
        XCTAssertEqual(try second.ledger.line(s.suite.value.grantedLine)?.outstanding, again.split?.credit, label)
        XCTAssertEqual(again.medical.map(parts), parts(medical),
                       "\(label) the same bill settles the same way again: account, deductible and cap were given back once")
        try await expectInForce(again, parties, s, label)
        try expectCleanAudit(second, label)
        try await second.reverseSettlement(encounter)
    }

    /// The parts of a 医保 settlement, without its number.
    private static func parts(_ settlement: MedicalInsuranceSettlement) -> [Money] {
        [settlement.fund, settlement.personalAccount, settlement.cash]
    }

    /// Checks that the insurers' books hold exactly the settlement and the claim of `record`.
    private static func expectInForce(_ record: SettlementRecord, _ parties: CheckoutParties, _ s: Subject, _ label: String) async throws {
        let medical = try await s.suite.value.settlements(for: record.encounter, from: parties.medical)
        XCTAssertEqual(medical, [try XCTUnwrap(record.medical, label)], "\(label) 医保 settled once")
        let commercial = try XCTUnwrap(record.commercial, label)
        XCTAssertTrue(commercial.paid.isPositive, "\(label) 商保 paid nothing, so paying once cannot be checked: use a policy that pays")
        let paid = try await s.suite.value.payments(for: record.encounter, from: parties.commercial)
        XCTAssertEqual(paid, [commercial], "\(label) 商保 paid once")
    }

    /// Checks that the bank booked one capture notice and one advance, agreeing with `record`,
    /// and that the patient got one fee notice.
    private static func expectBooked(_ record: SettlementRecord, _ parties: CheckoutParties, _ s: Subject, _ label: String) async throws {
        let suite = s.suite.value
        let credit = try XCTUnwrap(record.split?.credit, label)
        let notices = try await suite.captureNotices(for: record.encounter, from: parties.bank)
        XCTAssertEqual(notices.map(\.amount), [credit], "\(label) one capture notice")
        XCTAssertEqual(notices.first?.capturedAt, record.capturedAt, "\(label) the bank and the record agree")
        XCTAssertEqual(notices.first?.line, suite.grantedLine, label)
        let advances = try await suite.advances(for: record.encounter, from: parties.bank)
        XCTAssertEqual(advances.map(\.amount), [credit], "\(label) one advance")
        XCTAssertEqual(advances.first?.dueBy, record.advanceDueBy, "\(label) the same due time")
        let feeNotices = Set(parties.sent.notifications.filter { $0.kind == .settled }.map(\.id))
        XCTAssertEqual(feeNotices.count, 1, "\(label) one fee notice sent: \(feeNotices)")
        for id in feeNotices {
            let delivered = try await suite.deliveries(of: id, from: parties.sender)
            XCTAssertEqual(delivered, 1, "\(label) the fee notice reached the patient once")
        }
    }

    private static func expectCleanAudit(_ desk: CreditDesk, _ label: String) throws {
        let report = try LedgerAuditor(store: desk.ledger.store).audit()
        XCTAssertTrue(report.violations.isEmpty, "\(label) \(report.violations)")
    }
}
