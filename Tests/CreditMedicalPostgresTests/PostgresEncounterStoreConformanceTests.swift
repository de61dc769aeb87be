import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import XCTest

final class PostgresEncounterStoreConformanceTests: EncounterStoreConformance {
    override func makeStore() throws -> any EncounterStore {
        try PostgresLedgerStore(url: PostgresTestServer.require().makeDatabase())
    }

    override func reopen(_ store: any EncounterStore) throws -> (any EncounterStore)? {
        try PostgresLedgerStore(url: XCTUnwrap(store as? PostgresLedgerStore).url)
    }

    func testConformance() async throws {
        _ = try PostgresTestServer.require()
        let ran = await runAll()
        XCTAssertEqual(ran, Self.allScenarios.count)
    }

    func testUpgradeStartsEveryEncounterAtRevisionZero() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let time = Timestamp(millisecondsSince1970: 1_795_996_800_000)
        func visit(_ id: EncounterID, revision: Int = 0) -> Encounter {
            Encounter(id: id, kind: .outpatient, patient: Patient(id: "P", line: nil), department: "内科", paymentMode: .ordinary,
                      openedAt: time, revision: revision)
        }
        let items = try ["A", "B"].map {
            try ChargeItem(id: ChargeItemID($0), code: "X", name: "item", category: .laboratory, insuranceClass: .a,
                           quantity: Quantity(units: 1), unitPrice: Money(fen: 100), time: time)
        }
        try PostgresLedgerStore(url: url).commit([
            .encounter(visit("MZ-1")), .encounter(visit("MZ-2")), .items("MZ-1", items),
            .refund("MZ-1", ChargeRefund(id: "R", item: "A", quantity: Quantity(units: 1), time: time)),
        ])
        // Back to the schema before revisions existed.
        try PostgresTestServer.sql(url, """
            ALTER TABLE encounters DROP COLUMN revision;
            DELETE FROM creditmedical_schema;
            INSERT INTO creditmedical_schema VALUES (2)
            """)

        let store = try PostgresLedgerStore(url: url)
        XCTAssertEqual(try store.encounter("MZ-1")?.revision, 0)
        XCTAssertEqual(try store.encounter("MZ-2")?.revision, 0)
        try store.commit([.encounter(visit("MZ-1", revision: 1))])
        XCTAssertEqual(try store.charges(of: "MZ-1").items.count, 2, "written before, read after")
    }
}
