import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import Foundation
import XCTest

final class BadDebtWriteOffTests: XCTestCase {
    let fixture = ReceivableFixture()
    var writeOffs: BadDebtWriteOff { BadDebtWriteOff(book: fixture.book, policy: .insuredStyle) }

    func testADebtPastTheThresholdIsWrittenOffOnceAndItsPartsAddUp() async throws {
        try await fixture.open("L-1")
        try await fixture.settle("V-1", on: "L-1", fen: 10_001)
        try await fixture.settle("V-2", on: "L-1", fen: 5_000)
        _ = try await fixture.book.repay(RepaymentRequest(reference: "W-1", line: "L-1", amount: Money(fen: 1), channel: .hospitalWindow))
        fixture.advance(days: 30 + 180)
        let results = try await writeOffs.writeOff(["V-1"])
        let record = try results[0].get()
        XCTAssertEqual(record.amount, Money(fen: 10_000), "what V-1 still owed")
        XCTAssertEqual([record.insuranceClaim, record.subsidy, record.bankLoss], [Money(fen: 7_000), Money(fen: 2_000), Money(fen: 1_000)])
        XCTAssertEqual(record.daysPastDue, 180)
        XCTAssertEqual(record.policy, "preset-insured-writeoff@1")
        XCTAssertEqual(try fixture.owed(on: "L-1"), ["V-1": 0, "V-2": 5_000])
        XCTAssertEqual(try fixture.book.statement(of: "L-1").first?.writtenOff, Money(fen: 10_000))
        XCTAssertEqual(try fixture.ledger.line("L-1")?.outstanding, Money(fen: 5_000), "written-off money left the line in the journal")

        fixture.advance(days: 1)
        let again = try await writeOffs.writeOff(["V-1"])
        XCTAssertEqual(try again[0].get(), record, "repeating it answers with the first record")
        XCTAssertEqual(try fixture.store.writeOffs(after: 0, limit: 10).records, [record])
        XCTAssertEqual(try writeOffs.recordsOutOfStep(), [])
        try fixture.assertBooksAgree()

        let report = try CollectionReport(book: fixture.book, directory: fixture.directory, at: fixture.clock.now())
        XCTAssertEqual(report.rows.first?.writtenOff, Money(fen: 10_000))
        XCTAssertEqual(report.rows.first?.insuranceClaims, Money(fen: 7_000))
        XCTAssertEqual(report.rows.first?.subsidies, Money(fen: 2_000))
    }

    func testWhatMayNotBeWrittenOffIsRefusedAndNothingChanges() async throws {
        try await fixture.open("L-1")
        try await fixture.settle("V-1", on: "L-1", fen: 10_000)
        try await fixture.settle("V-2", on: "L-1", fen: 5_000)
        fixture.advance(days: 30 + 179)
        _ = try await fixture.book.repay(RepaymentRequest(reference: "W-1", line: "L-1", amount: Money(fen: 10_000), channel: .hospitalWindow))
        let journal = try fixture.ledger.journal(for: "L-1").count
        let results = try await writeOffs.writeOff(["V-2", "V-1", "V-404"])
        let codes = results.map { result -> String in
            if case .failure(let error) = result { error.code.rawValue } else { "written off" }
        }
        XCTAssertEqual(codes, ["receivable.not_yet_bad_debt", "receivable.nothing_owed", "receivable.not_found"])
        guard case .failure(let early) = results[0] else { return }
        XCTAssertEqual(early.context, ["days_past_due": "179", "required": "180"])
        XCTAssertEqual(try fixture.ledger.journal(for: "L-1").count, journal)
        XCTAssertEqual(try fixture.store.writeOffs(after: 0, limit: 10).records, [])
    }

    func testAWriteOffPolicyFileIsValidatedOnLoad() async throws {
        XCTAssertEqual(try WriteOffPolicy(json: WriteOffPolicy.insuredStyle.json()), .insuredStyle)
        let file = Data(#"{"format":"creditmedical.writeoff","formatVersion":1,"id":"t","version":"1","daysPastDue":90,"insurancePermille":800,"subsidyPermille":300}"#.utf8)
        let error = await assertThrows(PolicyError.Code.invalidPolicy) { try WriteOffPolicy(json: file) } as? PolicyError
        XCTAssertEqual(error?.context["problem"], "the shares add up to more than 1000")
    }
}
