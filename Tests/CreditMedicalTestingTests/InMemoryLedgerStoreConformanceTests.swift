import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class InMemoryLedgerStoreConformanceTests: LedgerStoreConformance {
    override func makeStore() throws -> any LedgerStore { InMemoryLedgerStore() }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
