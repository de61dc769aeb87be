@testable import CreditMedicalHIS
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class BillCacheTests: XCTestCase {
    private let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    private func item(_ id: String, _ fen: Int64) throws -> ChargeItem {
        try ChargeItem(id: ChargeItemID(id), code: "X-\(id)", name: "item \(id)", category: .laboratory, insuranceClass: .a,
                       quantity: Quantity(units: 1), unitPrice: Money(fen: fen), time: start)
    }

    /// Two desks over one store, as two servers behind a load balancer: each must see the charges
    /// the other wrote, although it kept the bill of its own last write.
    func testABillAnotherDeskChangedIsReadAgain() async throws {
        let ledger = Ledger(store: InMemoryLedgerStore(), clock: ManualClock(start))
        let store = InMemoryEncounterStore()
        let parties = FakeParties()
        try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000_000)), key: "open-L1")
        let first = parties.desk(ledger: ledger, store: store)
        let second = parties.desk(ledger: ledger, store: store)
        let patient = Patient(id: "P1", line: "L1", medicalInsuranceNumber: "YB-1")

        try await first.open("MZ-1", kind: .outpatient, patient: patient, department: "内科")
        try await first.charge([item("A", 1_000), item("B", 2_000)], to: "MZ-1")
        try await second.charge([item("C", 4_000)], to: "MZ-1")
        try await second.refund(ChargeRefund(id: "R-A", item: "A", quantity: Quantity(units: 1), time: start), in: "MZ-1")
        XCTAssertEqual(try first.bill(of: "MZ-1").total.fen, 6_000, "the first desk reads what the second charged")

        try await first.charge([item("D", 8_000)], to: "MZ-1")
        let stored = try store.bill(of: "MZ-1")
        XCTAssertEqual(stored.lines.map(\.item.id), ["A", "B", "C", "D"])
        XCTAssertEqual(stored.total.fen, 14_000)
        XCTAssertEqual(try store.encounter("MZ-1")?.billRecords, 5)
        XCTAssertEqual(try ledger.hold("MZ-1")?.amount.fen, 14_000, "the hold covers every desk's charges")

        try await second.charge([item("E", 16_000)], to: "MZ-1")
        let record = try await first.checkout("MZ-1")
        XCTAssertEqual(record.total.fen, 30_000, "the checkout settles the stored bill, not the one kept")
        XCTAssertEqual(record.medical.map { $0.fund.fen + $0.personalAccount.fen + $0.cash.fen }, 30_000, "医保 was asked about all of it")
        XCTAssertEqual(try ledger.line("L1")?.outstanding, record.split?.credit)
    }

    func testWithoutKeptBillsEveryCallReadsTheStore() async throws {
        let ledger = Ledger(store: InMemoryLedgerStore(), clock: ManualClock(start))
        let store = InMemoryEncounterStore()
        let desk = FakeParties().desk(ledger: ledger, store: store, configuration: .init(keptBillRecords: 0))
        try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000_000)), key: "open-L1")
        try await desk.open("MZ-1", kind: .outpatient, patient: Patient(id: "P1", line: "L1"), department: "内科")
        try await desk.charge([item("A", 1_000)], to: "MZ-1")
        XCTAssertEqual(desk.bills.records, 0)
        try await desk.charge([item("B", 2_000)], to: "MZ-1")
        let record = try await desk.checkout("MZ-1")
        XCTAssertEqual(record.total.fen, 3_000)
    }

    func testKeepsOnlyTheStoredBillAndDropsTheOldestPastItsLimit() throws {
        let cache = BillCache(maximumRecords: 20)
        func bill(_ id: EncounterID, records: Int) throws -> Bill {
            var bill = Bill(encounter: id)
            for index in 0..<records { try bill.add(item("\(id)-\(index)", 100)) }
            return bill
        }
        func encounter(_ id: EncounterID, records: Int) -> Encounter {
            Encounter(id: id, kind: .outpatient, patient: Patient(id: "P", line: nil), department: "内科", paymentMode: .ordinary,
                      openedAt: start, billRecords: records)
        }
        for id: EncounterID in ["MZ-1", "MZ-2", "MZ-3"] { cache.keep(try bill(id, records: 6)) }
        XCTAssertEqual(cache.records, 18)
        XCTAssertNil(cache.bill(of: encounter("MZ-1", records: 7)), "a bill another desk added to is not the stored one")
        XCTAssertEqual(cache.bill(of: encounter("MZ-1", records: 6))?.recordCount, 6)

        cache.keep(try bill("MZ-4", records: 6))
        XCTAssertLessThanOrEqual(cache.records, 15, "past the limit, down to three quarters of it")
        XCTAssertNil(cache.bill(of: encounter("MZ-1", records: 6)), "the bill written longest ago goes first")
        XCTAssertNotNil(cache.bill(of: encounter("MZ-4", records: 6)))

        let taken = cache.take(encounter("MZ-4", records: 6))
        XCTAssertEqual(taken?.recordCount, 6)
        XCTAssertNil(cache.bill(of: encounter("MZ-4", records: 6)), "taken out")
        cache.keep(try bill("MZ-5", records: 21))
        XCTAssertNil(cache.bill(of: encounter("MZ-5", records: 21)), "a bill larger than the limit is not kept")
        cache.forget("MZ-3")
        XCTAssertEqual(cache.records, 0)
    }
}
