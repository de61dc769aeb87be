import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import CreditMedicalTesting
import XCTest

/// The credit desk on PostgreSQL: ledger and paperwork in one database, a visit settled, the
/// store opened again by another instance, a reversal, and a clean audit.
final class PostgresCreditDeskTests: XCTestCase {
    func testAVisitSettlesAndReversesOnPostgreSQL() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let parties = FakeParties()
        let clock = ManualClock(Timestamp(millisecondsSince1970: 1_795_564_800_000))
        let database = try PostgresDatabase(url: url)
        let desk = parties.desk(ledger: Ledger(store: database.ledgerStore, clock: clock), store: database.encounterStore)
        try await desk.ledger.execute(.openLine("L1", limit: Money(fen: 200_000)), key: "open-L1")
        let patient = Patient(id: "P1", line: "L1", medicalInsuranceNumber: "YB-1", commercialPolicy: "SB-1")
        try await desk.open("MZ-1", kind: .outpatient, patient: patient, department: "内科")
        let items = try [("A", 30_000, InsuranceClass.a), ("B", 45_000, .b), ("C", 12_345, .c)].map { id, fen, insuranceClass in
            try ChargeItem(id: ChargeItemID(id), code: id, name: "项目 \(id)", category: .treatment, insuranceClass: insuranceClass,
                           quantity: Quantity(parsing: "1.5"), unitPrice: Money(fen: Int64(fen)), time: clock.now())
        }
        try await desk.charge(items, to: "MZ-1")
        let record = try await desk.checkout("MZ-1")
        let split = try XCTUnwrap(record.split)
        XCTAssertEqual(split.fund.fen + split.personalAccount.fen + split.commercial.fen + split.credit.fen + split.excess.fen,
                       record.total.fen)

        // Another instance sees the same paperwork and money.
        let other = try PostgresDatabase(url: url)
        XCTAssertEqual(try other.encounterStore.settlement(of: "MZ-1"), record)
        XCTAssertEqual(try other.encounterStore.bill(of: "MZ-1").total, record.total)
        XCTAssertEqual(try other.ledgerStore.line("L1")?.outstanding, split.credit)

        let reversed = try await desk.reverseSettlement("MZ-1")
        XCTAssertEqual(reversed.step, .reversed)
        XCTAssertEqual(try other.ledgerStore.line("L1")?.outstanding, .zero)
        XCTAssertTrue(try LedgerAuditor(store: other.ledgerStore).audit().isClean)
    }
}
