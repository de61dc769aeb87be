import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

final class SQLiteScoreRecordStoreConformanceTests: ScoreRecordStoreConformance {
    private var directories: [TemporaryDirectory] = []

    /// XCTest keeps a test case alive until the whole run ends: remove its files when it ends.
    override func tearDown() {
        directories.removeAll()
        super.tearDown()
    }

    override func makeStore() throws -> any ScoreRecordStore {
        let directory = try TemporaryDirectory()
        directories.append(directory)
        return try SQLiteDatabase(path: directory.file("scores.sqlite")).scoreRecordStore
    }

    override func reopen(_ store: any ScoreRecordStore) throws -> (any ScoreRecordStore)? {
        try SQLiteDatabase(path: XCTUnwrap(store as? SQLiteScoreRecordStore).database.path).scoreRecordStore
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
