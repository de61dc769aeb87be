import CreditMedicalCore
import CreditMedicalTesting
import CreditMedicalTestSupport
import XCTest

final class ReceivableBookTests: XCTestCase {
    let fixture = ReceivableFixture(terms: ["bank-b": try! RepaymentTerms(daysToDue: 15, graceDays: 0)])

    func testEachCaptureIsAReceivableDueByItsBanksTerms() async throws {
        try await fixture.open("L-1")
        try await fixture.open("L-2", bank: "bank-b")
        let settledAt = fixture.clock.now()
        try await fixture.settle("V-1", on: "L-1", fen: 12_345)
        try await fixture.settle("V-2", on: "L-2", fen: 500)
        let first = try XCTUnwrap(fixture.book.statement(of: "L-1").first)
        XCTAssertEqual(first.hold, "V-1")
        XCTAssertEqual(first.principal, Money(fen: 12_345))
        XCTAssertEqual(first.capturedAt, settledAt)
        XCTAssertEqual(first.dueAt, settledAt.adding(seconds: 30 * ReceivableFixture.day), "the standard terms: 30 days")
        XCTAssertEqual(first.graceEndsAt, first.dueAt.adding(seconds: 3 * ReceivableFixture.day))
        let second = try XCTUnwrap(fixture.book.statement(of: "L-2").first)
        XCTAssertEqual(second.dueAt, settledAt.adding(seconds: 15 * ReceivableFixture.day), "bank-b's own terms")
        XCTAssertEqual(second.graceEndsAt, second.dueAt)
        try fixture.assertBooksAgree()
    }

    func testPartialRepaymentsPayOldestFirstAndRestoreTheLineAtOnce() async throws {
        try await fixture.open("L-1", yuan: 100)
        try await fixture.settle("V-1", on: "L-1", fen: 3_000)
        fixture.advance(days: 1)
        try await fixture.settle("V-2", on: "L-1", fen: 5_000)
        fixture.advance(days: 1)
        try await fixture.settle("V-3", on: "L-1", fen: 2_000)
        let receipt = try await fixture.book.repay(RepaymentRequest(reference: "W-1", line: "L-1", amount: Money(fen: 4_000), channel: .hospitalWindow))
        XCTAssertEqual(receipt.availableAfter, Money(fen: 4_000), "restored in the ledger's commit")
        XCTAssertEqual(receipt.owedAfter, Money(fen: 6_000))
        XCTAssertEqual(try fixture.owed(on: "L-1"), ["V-1": 0, "V-2": 4_000, "V-3": 2_000])
        XCTAssertEqual(try fixture.book.statement(of: "L-1").map(\.hold), ["V-1", "V-2", "V-3"])
        XCTAssertEqual(try fixture.book.statement(of: "L-1").first?.paidOffAt, fixture.clock.now())

        let again = try await fixture.book.repay(RepaymentRequest(reference: "W-1", line: "L-1", amount: Money(fen: 4_000), channel: .hospitalWindow))
        XCTAssertTrue(again.isReplay, "the same receipt at the same window is the same repayment")
        XCTAssertEqual(try fixture.owed(on: "L-1"), ["V-1": 0, "V-2": 4_000, "V-3": 2_000])
        _ = try await fixture.book.repay(RepaymentRequest(reference: "W-1", line: "L-1", amount: Money(fen: 1_000), channel: .internetHospital))
        XCTAssertEqual(try fixture.owed(on: "L-1"), ["V-1": 0, "V-2": 3_000, "V-3": 2_000], "another channel's reference is another repayment")
        try fixture.assertBooksAgree()
    }

    func testBadRepaymentsAreRefusedAndChangeNothing() async throws {
        try await fixture.open("L-1", yuan: 100)
        try await fixture.settle("V-1", on: "L-1", fen: 3_000)
        let journal = try fixture.ledger.journal(for: "L-1").count
        let cases: [(RepaymentRequest, ReceivableError.Code)] = [
            (RepaymentRequest(reference: "R-1", line: "L-404", amount: Money(fen: 100), channel: .hospitalWindow), .unknownLine),
            (RepaymentRequest(reference: "R-2", line: "L-1", amount: .zero, channel: .hospitalWindow), .invalidAmount),
            (RepaymentRequest(reference: "R-3", line: "L-1", amount: Money(fen: -5), channel: .internetHospital), .invalidAmount),
            (RepaymentRequest(reference: "R-4", line: "L-1", amount: Money(fen: 3_001), channel: .hospitalWindow), .overPayment),
            (RepaymentRequest(reference: "R\u{0}5", line: "L-1", amount: Money(fen: 1), channel: .hospitalWindow), .invalidInput),
            (RepaymentRequest(reference: "R-6", line: "L-1\u{202E}", amount: Money(fen: 1), channel: .hospitalWindow), .invalidInput),
            (RepaymentRequest(reference: "R-7", line: "L-1", amount: Money(fen: 1), channel: .familyAgent), .agentMissing),
        ]
        let results = try await fixture.book.repay(cases.map(\.0))
        for ((request, code), result) in zip(cases, results) {
            guard case .failure(let error) = result else { XCTFail("\(request) was applied"); continue }
            XCTAssertEqual(error.code, code, "\(request.reference)")
        }
        XCTAssertEqual(try fixture.ledger.journal(for: "L-1").count, journal)
        XCTAssertEqual(try fixture.owed(on: "L-1"), ["V-1": 3_000], "an over-payment is never absorbed")
        let agent = try await fixture.book.repay(RepaymentRequest(reference: "R-8", line: "L-1", amount: Money(fen: 3_000), channel: .familyAgent, agent: "P-2"))
        XCTAssertEqual(agent.owedAfter, .zero, "a family agent pays for the patient (代付)")
    }

    func testAReversalShrinksItsReceivableAndARepaidPartPaysTheNextOne() async throws {
        try await fixture.open("L-1", yuan: 100)
        try await fixture.settle("V-1", on: "L-1", fen: 3_000)
        try await fixture.settle("V-2", on: "L-1", fen: 5_000)
        _ = try await fixture.book.repay(RepaymentRequest(reference: "W-1", line: "L-1", amount: Money(fen: 3_000), channel: .hospitalWindow))
        try await fixture.ledger.execute(.reverseCaptureUpTo("V-2", amount: Money(fen: 1_000)), key: "V-2/reversal")
        XCTAssertEqual(try fixture.owed(on: "L-1"), ["V-1": 0, "V-2": 4_000])
        try await fixture.ledger.execute(.reverseCaptureUpTo("V-1", amount: Money(fen: 3_000)), key: "V-1/reversal")
        let statement = try fixture.book.statement(of: "L-1")
        XCTAssertEqual(statement.map(\.principal.fen), [0, 4_000], "V-1 reversed in full")
        XCTAssertEqual(statement.map(\.owed.fen), [0, 1_000], "the ¥30 repaid for V-1 now pays V-2")
        try fixture.assertBooksAgree()
    }

    func testAMemberLinesVisitsAreOwedOnItAndItsGuarantorOwesOnlyItsOwn() async throws {
        try await fixture.open("G-1", yuan: 100)
        try await fixture.ledger.execute(.openMemberLine("M-1", guarantor: "G-1", cap: Money(yuan: 50)), key: "open/M-1")
        try await fixture.settle("V-G", on: "G-1", fen: 1_000)
        try await fixture.settle("V-M", on: "M-1", fen: 2_000)
        _ = try await fixture.book.repay(RepaymentRequest(reference: "A-1", line: "M-1", amount: Money(fen: 500), channel: .familyAgent, agent: "P-1"))
        XCTAssertEqual(try fixture.owed(on: "M-1"), ["V-M": 1_500])
        XCTAssertEqual(try fixture.owed(on: "G-1"), ["V-G": 1_000])
        try fixture.assertBooksAgree()
    }

    func testTwoBooksOnOneStoreFoldEachEntryOnce() async throws {
        try await fixture.open("L-1", yuan: 1_000)
        let other = ReceivableBook(ledger: fixture.ledger, store: fixture.store, directory: fixture.directory)
        for visit in 1...40 {
            if visit > 20 { fixture.clock.advance(seconds: 1) }
            try await fixture.settle(HoldID("V-\(visit)"), on: "L-1", fen: 1_000)
        }
        for repayment in 1...40 {
            _ = try await fixture.ledger.execute(.repay("L-1", amount: Money(fen: 400)), key: IdempotencyKey("R-\(repayment)"))
        }
        let book = fixture.book
        async let first = Task { try book.catchUp() }.value
        async let second = Task { try other.catchUp() }.value
        let folded = try await first + second
        XCTAssertEqual(folded, try fixture.ledger.journal(for: "L-1", limit: 10_000).count, "each entry folded by one of them")
        XCTAssertEqual(try fixture.owed(on: "L-1").values.reduce(0, +), 24_000)
        // The first twenty were settled in the same millisecond, so they are paid in the order of
        // their ids' bytes (V-1, V-10…V-19, V-2, V-20, V-3…V-9), then the later ones by time.
        let owed = try fixture.owed(on: "L-1")
        XCTAssertEqual(["V-1", "V-10", "V-19", "V-2", "V-20", "V-3", "V-4", "V-5"].map { owed[$0] }, [0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(["V-6", "V-9", "V-21", "V-40"].map { owed[$0] }, [1_000, 1_000, 1_000, 1_000])
        try fixture.assertBooksAgree()
    }

    func testRepaymentRecordCountsOnTimeAndLatePayments() async throws {
        try await fixture.open("L-1", yuan: 1_000)
        try await fixture.settle("V-1", on: "L-1", fen: 1_000)
        try await fixture.settle("V-2", on: "L-1", fen: 1_000)
        fixture.advance(days: 20)
        _ = try await fixture.book.repay(RepaymentRequest(reference: "W-1", line: "L-1", amount: Money(fen: 1_000), channel: .hospitalWindow))
        fixture.advance(days: 40)
        var record = try fixture.book.repaymentRecord(of: "L-1", at: fixture.clock.now())
        XCTAssertEqual(record.onTimeInTwelveMonths, 1)
        let found = try XCTUnwrap(record.lastLate, "V-2 is still owed after its grace period")
        XCTAssertEqual(found.daysLate, 30)
        _ = try await fixture.book.repay(RepaymentRequest(reference: "W-2", line: "L-1", amount: Money(fen: 1_000), channel: .hospitalWindow))
        fixture.advance(days: 10)
        record = try fixture.book.repaymentRecord(of: "L-1", at: fixture.clock.now())
        XCTAssertEqual(record.lastLate, RepaymentRecord.LatePayment(at: found.at, daysLate: 30), "found late once, as late as it was paid")
        XCTAssertEqual(record.onTimeInTwelveMonths, 1)
    }
}

final class ReceivableFoldTests: XCTestCase {
    /// Random visits, repayments, write-offs and reversals on three lines, some in the same millisecond: books
    /// folding the journal a page of 1, 7 or 5,000 entries at a time agree on every receivable, and
    /// with the ledger.
    func testTheFoldDoesNotDependOnHowTheJournalIsPaged() async throws {
        var random = SplitMix64(seed: 17)
        let fixture = ReceivableFixture()
        let lines: [CreditLineID] = ["L-1", "L-2", "L-3"]
        for line in lines { try await fixture.open(line, yuan: 5_000) }
        var captured: [HoldID] = []
        for step in 0..<600 {
            if random.next() % 3 == 0 { fixture.clock.advance(seconds: 1) }
            let line = lines[Int(random.next() % 3)]
            switch random.next() % 5 {
            case 0, 1:
                let hold = HoldID("V-\(random.next() % 1_000)-\(step)")  // ids not in the order settled
                try await fixture.settle(hold, on: line, fen: Int64(random.next() % 5_000) + 1)
                captured.append(hold)
            case 2:
                let owed = try XCTUnwrap(fixture.ledger.line(line)).ownOutstanding.fen
                if owed > 0 { try await fixture.ledger.execute(.repay(line, amount: Money(fen: Int64(random.next() % UInt64(owed / 2 + 1)) + 1)), key: IdempotencyKey("R-\(step)")) }
            case 3:
                guard let hold = captured.randomElement(using: &random), let owed = try fixture.ledger.line(line)?.ownOutstanding.fen,
                      let left = try fixture.ledger.hold(hold)?.captured.fen, min(owed, left) > 0 else { continue }
                _ = try await fixture.ledger.submit([LedgerRequest(key: IdempotencyKey("W-\(step)"), command: .writeOff(hold, amount: Money(fen: min(owed, left, 2_000)), reason: "bad debt"))])
            default:
                guard let hold = captured.randomElement(using: &random) else { continue }
                _ = try await fixture.ledger.submit([LedgerRequest(key: IdempotencyKey("X-\(step)"), command: .reverseCaptureUpTo(hold, amount: Money(fen: Int64(random.next() % 3_000) + 1)))])
            }
        }
        var statements: [[[Receivable]]] = []
        for pageSize in [1, 7, 5_000] {
            let book = ReceivableBook(ledger: fixture.ledger, store: InMemoryReceivableStore(), pageSize: pageSize)
            statements.append(try lines.map { try book.statement(of: $0) })
            XCTAssertEqual(try book.linesOutOfStep(), [], "page size \(pageSize)")
        }
        XCTAssertGreaterThan(statements[0].joined().filter { $0.paidOffAt != nil }.count, 5)
        XCTAssertGreaterThan(statements[0].joined().filter { $0.owed.isPositive }.count, 5)
        XCTAssertGreaterThan(statements[0].joined().filter { $0.writtenOff.isPositive }.count, 5)
        XCTAssertTrue(statements[0] == statements[1], "pages of 1 and of 7 entries disagree")
        XCTAssertTrue(statements[0] == statements[2], "pages of 1 and of 5,000 entries disagree")
    }
}

final class ArrearsTransferTests: XCTestCase {
    let fixture = ReceivableFixture()
    let bank = FakeCreditProvider()

    func testAnOldBillMovesOntoTheLineWithinItsLimitAndTheBankAdvancesItOnce() async throws {
        try await fixture.open("L-1", yuan: 1_000)
        let transfer = ArrearsTransfer(bill: "ZY-2019-7", line: "L-1", amount: Money(fen: 60_000), institution: "hospital-2")
        let receivable = try await fixture.book.moveArrears(transfer, bank: bank)
        XCTAssertEqual(receivable.hold, "arrears/ZY-2019-7")
        XCTAssertEqual(receivable.owed, Money(fen: 60_000))
        XCTAssertEqual(receivable.dueAt, fixture.clock.now().adding(seconds: 30 * ReceivableFixture.day), "due as any visit")
        bank.inject(.timeoutAfterApplying)
        fixture.advance(days: 1)
        await assertThrows(AdapterError.Code.timeout) { try await self.fixture.book.moveArrears(transfer, bank: self.bank) }
        let again = try await fixture.book.moveArrears(transfer, bank: bank)
        XCTAssertEqual(again, receivable, "repeating it changes nothing")
        XCTAssertEqual(bank.captureNotices(for: "ZY-2019-7").map(\.amount.fen), [60_000])
        XCTAssertEqual(bank.advanceRequests(for: "ZY-2019-7").map(\.institution), ["hospital-2"])
        XCTAssertEqual(try fixture.ledger.line("L-1")?.available, Money(fen: 40_000))
        try fixture.assertBooksAgree()
    }

    func testABillBeyondWhatTheLineHasIsRefusedAndNothingMoves() async throws {
        try await fixture.open("L-1", yuan: 1_000)
        try await fixture.settle("V-1", on: "L-1", fen: 50_000)
        let journal = try fixture.ledger.journal(for: "L-1").count
        for (transfer, code) in [
            (ArrearsTransfer(bill: "B-1", line: "L-1", amount: Money(fen: 50_001)), ReceivableError.Code.beyondLimit),
            (ArrearsTransfer(bill: "B-2", line: "L-404", amount: Money(fen: 1)), .unknownLine),
            (ArrearsTransfer(bill: "B-3", line: "L-1", amount: .zero), .invalidAmount),
            (ArrearsTransfer(bill: "B#4", line: "L-1", amount: Money(fen: 1)), .invalidInput),
        ] {
            await assertThrows(code) { try await self.fixture.book.moveArrears(transfer, bank: self.bank) }
        }
        XCTAssertEqual(try fixture.ledger.journal(for: "L-1").count, journal)
        XCTAssertEqual(bank.captureNotices, [])
        XCTAssertEqual(try fixture.ledger.holds(on: "L-1").map(\.id), ["V-1"], "no hold left open")
    }
}
