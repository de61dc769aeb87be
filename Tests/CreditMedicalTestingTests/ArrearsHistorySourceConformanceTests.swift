import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// The arrears list's own data source passes the suite a vendor's sources pass: a patient never
/// listed is missing, never zero.
final class ArrearsHistorySourceConformanceTests: CreditDataSourceConformance {
    override func makeSource() throws -> any CreditDataSource {
        let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)
        let store = InMemoryArrearsStore()
        let list = ArrearsList(configuration: .init(coolingDays: 0), ledger: Ledger(store: InMemoryLedgerStore(), clock: ManualClock(start)),
                               store: store, registry: FakePublicCreditRegistry())
        // The known patient's entry as the store holds it: listed, removed three days before now.
        let listing = ArrearsListing(entry: "E-1", patient: knownPatient, subject: "S-1", line: "L-1", amount: Money(fen: 100),
                                     reason: BilingualText(chinese: "逾期", english: "overdue"), rule: "overdue")
        let removedAt = start.adding(seconds: -3 * 86_400)
        try store.append([ArrearsEvent(entry: "E-1", at: removedAt.adding(seconds: -86_400), change: .listed(listing)),
                          ArrearsEvent(entry: "E-1", at: removedAt, change: .removed(CreditRepair(line: "L-1", repaidAt: removedAt, coolingDays: 0)))],
                         pushes: [])
        return ArrearsHistorySource(list: list)
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }

    func testAListedAndRepairedPatientsFeatures() async throws {
        let features = await (try makeSource()).features(of: knownPatient)
        XCTAssertEqual(features.values, ["arrears_in_force": .number(0), "arrears_entries": .number(1), "days_since_credit_repair": .number(3)])
    }
}
