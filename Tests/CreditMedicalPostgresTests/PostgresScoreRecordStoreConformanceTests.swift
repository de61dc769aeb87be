import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalPostgres
import XCTest

final class PostgresScoreRecordStoreConformanceTests: ScoreRecordStoreConformance {
    override func makeStore() throws -> any ScoreRecordStore {
        try PostgresDatabase(url: PostgresTestServer.require().makeDatabase()).scoreRecordStore
    }

    override func reopen(_ store: any ScoreRecordStore) throws -> (any ScoreRecordStore)? {
        try PostgresDatabase(url: XCTUnwrap(store as? PostgresScoreRecordStore).database.url).scoreRecordStore
    }

    func testConformance() async throws {
        _ = try PostgresTestServer.require()
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
