import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

/// Eight months of repayment, collection and the arrears list on SQLite.
final class SQLiteMonthLongCollectionTests: XCTestCase {
    func testEightMonths() async throws {
        let directory = try TemporaryDirectory()
        try await MonthLongCollection.run(on: try SQLiteDatabase(path: directory.file("months.sqlite")))
    }
}
