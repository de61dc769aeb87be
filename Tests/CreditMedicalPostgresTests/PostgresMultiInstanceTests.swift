import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import CreditMedicalTesting
import XCTest

/// Two SDK instances, each with its own store and connection pool, apply batches to the same
/// lines at once, or charge the same encounter at once: nothing is lost, nothing applied twice,
/// and the auditor finds the journal and the balances in agreement.
final class PostgresMultiInstanceTests: XCTestCase {
    func testTwoInstancesOnTheSameLinesLoseNothing() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let instances = [try PostgresLedgerStore(url: url), try PostgresLedgerStore(url: url)].map { Ledger(store: $0) }
        let lines = (0..<8).map { CreditLineID("L\($0)") }
        _ = try await instances[0].submit(lines.map {
            LedgerRequest(key: IdempotencyKey("open-\($0)"), command: .openLine($0, limit: Money(fen: 10_000_000)))
        })
        let visitsPerInstance = 150
        // Each visit places a hold, captures part of it and repays part of that; both instances
        // also resend some of the other's captures: a replay when the other applied it already,
        // a rejection that records nothing when it has not yet.
        let captured = try await withThrowingTaskGroup(of: Int64.self) { group in
            for (number, ledger) in instances.enumerated() {
                group.addTask {
                    var total: Int64 = 0
                    for visit in 0..<visitsPerInstance {
                        let id = "\(number)-\(visit)"
                        let line = lines[visit % lines.count]
                        let results = try await ledger.submit([
                            LedgerRequest(key: IdempotencyKey("p\(id)"), command: .placeHold(HoldID("H\(id)"), line: line, amount: Money(fen: 3_000), expiresAt: nil)),
                            LedgerRequest(key: IdempotencyKey("c\(id)"), command: .captureHold(HoldID("H\(id)"), amount: Money(fen: 2_000))),
                            LedgerRequest(key: IdempotencyKey("r\(id)"), command: .repay(line, amount: Money(fen: 500))),
                        ])
                        for result in results { _ = try result.get() }
                        total += 1_500
                        if visit % 10 == 0 {
                            let other = "\(1 - number)-\(visit)"
                            _ = try await ledger.submit([LedgerRequest(key: IdempotencyKey("c\(other)"),
                                                                       command: .captureHold(HoldID("H\(other)"), amount: Money(fen: 2_000)))])
                        }
                    }
                    return total
                }
            }
            return try await group.reduce(0, +)
        }
        let store = try PostgresLedgerStore(url: url)
        let outstanding = try store.lines(after: nil, limit: 100).reduce(0) { $0 + $1.outstanding.fen }
        XCTAssertEqual(outstanding, captured, "captured minus repaid, once per visit")
        XCTAssertEqual(try store.journal(line: nil, after: 0, limit: 10_000).count, lines.count + 2 * visitsPerInstance * 3,
                       "one entry per applied command, replays add none")
        let report = try LedgerAuditor(store: store).audit()
        XCTAssertTrue(report.violations.isEmpty, "\(report.violations)")
    }

    /// Each desk keeps the encounter it wrote last; the other desk's writes in between make its
    /// copy out of date, which the store refuses (by revision) instead of losing the other's charges.
    /// Working on one encounter at the same time, a call can also find the hold changed under it;
    /// the HIS repeats what failed, and in the end every charge is on the bill and locked once.
    func testTwoDesksChargingOneEncounterAtOnceLoseNoCharge() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let databases = [try PostgresDatabase(url: url), try PostgresDatabase(url: url)]
        let parties = FakeParties()
        let desks = databases.map { parties.desk(ledger: Ledger(store: $0.ledgerStore), store: $0.encounterStore) }
        try await desks[0].ledger.execute(.openLine("L1", limit: Money(fen: 100_000_000)), key: "open-L1")
        try await desks[0].open("MZ-1", kind: .outpatient, patient: Patient(id: "P1", line: "L1"), department: "内科")
        let time = Timestamp(millisecondsSince1970: 1_795_996_800_000)
        let failures = try await withThrowingTaskGroup(of: [String].self) { group in
            for (number, desk) in desks.enumerated() {
                group.addTask {
                    var failures: [String] = []
                    for index in 0..<15 {
                        let item = try ChargeItem(id: ChargeItemID("I\(number)-\(index)"), code: "X", name: "item",
                                                  category: .laboratory, insuranceClass: .a, quantity: Quantity(units: 1),
                                                  unitPrice: Money(fen: Int64(100 * (index + 1))), time: time)
                        for attempt in 0..<10 {
                            do {
                                try await desk.charge([item], to: "MZ-1")
                                break
                            } catch where attempt < 9 {
                                failures.append("\(error)")
                            }
                        }
                    }
                    return failures
                }
            }
            return try await group.reduce([], +)
        }
        XCTAssertTrue(failures.allSatisfy { $0.hasPrefix("encounter.stale") || $0.hasPrefix("ledger.insufficient_held") }, "\(failures)")
        let bill = try databases[0].encounterStore.bill(of: "MZ-1")
        XCTAssertEqual(bill.lines.count, 30, "every charge of both desks (\(failures.count) calls repeated)")
        let encounter = try XCTUnwrap(databases[1].encounterStore.encounter("MZ-1"))
        XCTAssertEqual([encounter.locked, encounter.uncovered], [bill.total, .zero], "the encounter locks the whole bill")
        XCTAssertEqual(try desks[1].ledger.hold("MZ-1")?.amount, bill.total, "and so does the hold")
    }
}
