import CreditMedicalPostgres
import CreditMedicalTestSupport
import XCTest

/// Eight months of repayment, collection and the arrears list on PostgreSQL.
final class PostgresMonthLongCollectionTests: XCTestCase {
    func testEightMonths() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        try await MonthLongCollection.run(on: try PostgresDatabase(url: url))
    }
}
