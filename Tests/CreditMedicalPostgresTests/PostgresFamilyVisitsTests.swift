import CreditMedicalPostgres
import CreditMedicalTestSupport
import XCTest

/// A family's visits at once on PostgreSQL: member caps and the guarantor's limit hold.
final class PostgresFamilyVisitsTests: XCTestCase {
    func testFortyFamilyVisitsAtOnceKeepEveryCap() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        try await FamilyVisitsAtOnce.run(on: try PostgresDatabase(url: url))
    }
}
