import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

/// A family's visits at once on SQLite: member caps and the guarantor's limit hold.
final class SQLiteFamilyVisitsTests: XCTestCase {
    func testFortyFamilyVisitsAtOnceKeepEveryCap() async throws {
        let directory = try TemporaryDirectory()
        try await FamilyVisitsAtOnce.run(on: try SQLiteDatabase(path: directory.file("family.sqlite")))
    }
}
