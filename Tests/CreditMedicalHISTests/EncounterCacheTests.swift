@testable import CreditMedicalHIS
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class EncounterCacheTests: XCTestCase {
    private let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    private func item(_ id: String, _ fen: Int64) throws -> ChargeItem {
        try ChargeItem(id: ChargeItemID(id), code: "X-\(id)", name: "item \(id)", category: .laboratory, insuranceClass: .a,
                       quantity: Quantity(units: 1), unitPrice: Money(fen: fen), time: start)
    }

    private func visit(_ id: EncounterID, revision: Int) -> Encounter {
        Encounter(id: id, kind: .outpatient, patient: Patient(id: "P", line: nil), department: "内科", paymentMode: .ordinary,
                  openedAt: start, revision: revision)
    }

    /// Two desks over one store, as two servers behind a load balancer: each keeps the encounter it
    /// wrote last, and must still see what the other wrote since.
    func testADeskWhoseCopyIsOutOfDateReadsTheStoreAndRepeatsTheCall() async throws {
        let ledger = Ledger(store: InMemoryLedgerStore(), clock: ManualClock(start))
        let store = InMemoryEncounterStore()
        let parties = FakeParties()
        try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000_000)), key: "open-L1")
        let first = parties.desk(ledger: ledger, store: store)
        let second = parties.desk(ledger: ledger, store: store)
        let patient = Patient(id: "P1", line: "L1", medicalInsuranceNumber: "YB-1")

        try await first.open("MZ-1", kind: .outpatient, patient: patient, department: "内科")
        try await first.charge([item("A", 1_000), item("B", 2_000)], to: "MZ-1")
        XCTAssertEqual(first.kept.records, 2, "the first desk keeps what it wrote")
        try await second.charge([item("C", 4_000)], to: "MZ-1")
        try await second.refund(ChargeRefund(id: "R-A", item: "A", quantity: Quantity(units: 1), time: start), in: "MZ-1")
        XCTAssertEqual(try store.encounter("MZ-1")?.revision, 4)
        XCTAssertEqual(try first.bill(of: "MZ-1").total.fen, 6_000, "its kept bill is not at the stored revision")
        XCTAssertEqual(try second.bill(of: "MZ-1").total.fen, 6_000)

        // The first desk's copy is at revision 2: its write is refused and the call repeated, in
        // its turn (its claim on the encounter takes revision 5).
        let outcome = try await first.charge([item("D", 8_000)], to: "MZ-1")
        XCTAssertEqual(outcome.encounter.revision, 6)
        XCTAssertNil(try store.encounter("MZ-1")?.claim, "the call's write ended the claim")
        XCTAssertEqual(outcome.lockedChange.fen, 8_000, "told about this call's charge only")
        let stored = try store.bill(of: "MZ-1")
        XCTAssertEqual(stored.lines.map(\.item.id), ["A", "B", "C", "D"])
        XCTAssertEqual(stored.total.fen, 14_000)
        XCTAssertEqual(try store.encounter("MZ-1")?.locked.fen, 14_000)
        XCTAssertEqual(try ledger.hold("MZ-1")?.amount.fen, 14_000, "the hold covers every desk's charges")

        try await second.charge([item("E", 16_000)], to: "MZ-1")
        let record = try await first.checkout("MZ-1")
        XCTAssertEqual(record.total.fen, 30_000, "the checkout settles the stored bill, not the one kept")
        XCTAssertEqual(record.medical.map { $0.fund.fen + $0.personalAccount.fen + $0.cash.fen }, 30_000, "医保 was asked about all of it")
        XCTAssertEqual(try ledger.line("L1")?.outstanding, record.split?.credit)
        XCTAssertEqual(try ledger.line("L1")?.held, .zero)
        XCTAssertEqual(first.kept.records, 0, "a settled encounter is not kept")
    }

    func testWithoutKeptEncountersEveryCallReadsTheStore() async throws {
        let ledger = Ledger(store: InMemoryLedgerStore(), clock: ManualClock(start))
        let store = InMemoryEncounterStore()
        let desk = FakeParties().desk(ledger: ledger, store: store, configuration: .init(keptBillRecords: 0))
        try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000_000)), key: "open-L1")
        try await desk.open("MZ-1", kind: .outpatient, patient: Patient(id: "P1", line: "L1"), department: "内科")
        try await desk.charge([item("A", 1_000)], to: "MZ-1")
        XCTAssertEqual(desk.kept.records, 0)
        try await desk.charge([item("B", 2_000)], to: "MZ-1")
        let record = try await desk.checkout("MZ-1")
        XCTAssertEqual(record.total.fen, 3_000)
    }

    func testKeepsOpenEncountersAndDropsTheOldestPastItsLimit() throws {
        let cache = EncounterCache(maximumRecords: 20)
        func bill(_ id: EncounterID, records: Int) throws -> Bill {
            var bill = Bill(encounter: id)
            for index in 0..<records { try bill.add(item("\(id)-\(index)", 100)) }
            return bill
        }
        for id: EncounterID in ["MZ-1", "MZ-2", "MZ-3"] { cache.keep(visit(id, revision: 1), bill: try bill(id, records: 6)) }
        XCTAssertEqual(cache.records, 18)
        cache.keep(visit("MZ-4", revision: 1), bill: try bill("MZ-4", records: 6))
        XCTAssertLessThanOrEqual(cache.records, 15, "past the limit, down to three quarters of it")
        XCTAssertNil(cache.take("MZ-1"), "the encounter written longest ago goes first")
        XCTAssertNil(cache.bill(of: visit("MZ-4", revision: 2)), "only at the kept revision")
        XCTAssertEqual(cache.bill(of: visit("MZ-4", revision: 1))?.lines.count, 6)
        XCTAssertEqual(cache.take("MZ-4")?.bill.lines.count, 6)
        XCTAssertNil(cache.take("MZ-4"), "taken out")

        cache.keep(visit("MZ-5", revision: 1), bill: try bill("MZ-5", records: 21))
        XCTAssertNil(cache.take("MZ-5"), "a bill larger than the limit is not kept")
        var settled = visit("MZ-6", revision: 1)
        settled.status = .settled
        cache.keep(settled, bill: try bill("MZ-6", records: 1))
        XCTAssertNil(cache.take("MZ-6"), "only open encounters are kept")
    }
}
