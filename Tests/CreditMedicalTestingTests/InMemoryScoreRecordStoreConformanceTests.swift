import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class InMemoryScoreRecordStoreConformanceTests: ScoreRecordStoreConformance {
    override func makeStore() throws -> any ScoreRecordStore { InMemoryScoreRecordStore() }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
