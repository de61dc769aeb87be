import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class InMemoryReceivableStoreConformanceTests: ReceivableStoreConformance {
    override func makeStore() throws -> any ReceivableStore { InMemoryReceivableStore() }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
