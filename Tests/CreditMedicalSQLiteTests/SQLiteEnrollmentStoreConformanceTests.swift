import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

final class SQLiteEnrollmentStoreConformanceTests: EnrollmentStoreConformance {
    private var directories: [TemporaryDirectory] = []

    /// XCTest keeps a test case alive until the whole run ends: remove its files when it ends.
    override func tearDown() {
        directories.removeAll()
        super.tearDown()
    }

    override func makeStore() throws -> any EnrollmentStore {
        let directory = try TemporaryDirectory()
        directories.append(directory)
        return try SQLiteDatabase(path: directory.file("enrollments.sqlite")).enrollmentStore
    }

    override func reopen(_ store: any EnrollmentStore) throws -> (any EnrollmentStore)? {
        try SQLiteDatabase(path: XCTUnwrap(store as? SQLiteEnrollmentStore).database.path).enrollmentStore
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
