import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// The ledger store suite fails a store that loses a batch it acknowledged, once it is opened again.
final class UndurableLedgerStoreTests: LedgerStoreConformance {
    override func makeStore() throws -> any LedgerStore { InMemoryLedgerStore() }

    override func reopen(_ store: any LedgerStore) throws -> (any LedgerStore)? { try UndurableLedgerStore.reopened(store) }

    func testTheSuiteFailsAStoreThatLosesAnAcknowledgedBatch() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["durability"], "\(report)")
        XCTAssertTrue(report.failures.first?.messages.contains { $0.contains("reopened store differs") } == true, "\(report)")
    }
}
