import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class CollectionReportTests: XCTestCase {
    let fixture = ReceivableFixture()

    func testAgingAndRatesPerInstitutionAndBank() async throws {
        try await fixture.open("L-1", bank: "bank-a")
        try await fixture.open("L-2", bank: "bank-b")
        fixture.directory.register("L-3", bank: "bank-a", institution: "hospital-2", holder: "P-3")
        try await fixture.ledger.execute(.openLine("L-3", limit: Money(fen: 1_000_000)), key: "open/L-3")
        try await fixture.settle("V-1", on: "L-1", fen: 10_000)   // will be 75 days past due
        try await fixture.settle("V-2", on: "L-2", fen: 20_000)
        fixture.advance(days: 60)
        try await fixture.settle("V-3", on: "L-1", fen: 30_000)   // will be 15 days past due
        try await fixture.settle("V-4", on: "L-3", fen: 40_000)
        fixture.advance(days: 30)
        try await fixture.settle("V-5", on: "L-1", fen: 50_000)   // not yet due
        _ = try await fixture.book.repay(RepaymentRequest(reference: "W-1", line: "L-2", amount: Money(fen: 20_000), channel: .hospitalWindow))
        _ = try await fixture.book.repay(RepaymentRequest(reference: "W-2", line: "L-3", amount: Money(fen: 10_000), channel: .hospitalWindow))
        fixture.advance(days: 15)

        let report = try CollectionReport(book: fixture.book, directory: fixture.directory, at: fixture.clock.now(), listed: ["L-1"])
        XCTAssertEqual(report.rows.map { "\($0.institution)/\($0.bank)" }, ["hospital-2/bank-a", "platform/bank-a", "platform/bank-b"])
        let platformA = report.rows[1]
        XCTAssertEqual(platformA.receivables, 3)
        XCTAssertEqual(platformA.overdue, 2)
        XCTAssertEqual(platformA.aging.days61To90, Money(fen: 10_000), "V-1: 75 days past due")
        XCTAssertEqual(platformA.aging.days1To30, Money(fen: 30_000), "V-3: 15 days")
        XCTAssertEqual(platformA.aging.current, Money(fen: 50_000), "V-5: due in 15 days")
        XCTAssertEqual(platformA.collectionRatePermille, 0, "nothing of what fell due was repaid")
        XCTAssertEqual(platformA.overdueRatePermille, 444, "40,000 of 90,000 owed is overdue")
        XCTAssertEqual(platformA.listedLines, 1)
        let hospital = report.rows[0]
        XCTAssertEqual(hospital.collectionRatePermille, 250, "10,000 of 40,000")
        XCTAssertEqual(hospital.aging.days1To30, Money(fen: 30_000))
        XCTAssertEqual(report.rows[2].collectionRatePermille, 1_000)
        XCTAssertEqual(report.rows[2].owed, .zero)
        XCTAssertEqual(report.csv.split(separator: "\n").first.map(String.init),
                       "institution,bank,receivables,overdue,principal,repaid,written_off,owed,current,days_1_30,days_31_60,days_61_90,over_90,"
                       + "insurance_claims,subsidies,collection_rate_permille,overdue_rate_permille,listed_lines")
        XCTAssertEqual(report.csv.split(separator: "\n")[2], "platform,bank-a,3,2,900.00,0.00,0.00,900.00,500.00,300.00,0.00,100.00,0.00,0.00,0.00,0,444,1")
    }
}
