@testable import CreditMedicalSQLite
import CreditMedicalStoreSupport
import CreditMedicalTestSupport
import XCTest

/// The SQLite store's released migrations run the statements they were released with.
final class SQLiteReleasedMigrationTests: XCTestCase {
    /// The digest of each released migration's statements.
    private static let released: [String: String] = [
        "ledger/create": "4c6382373530e1c4",
        "ledger/command-detail": "dfc720895290e34d",
        "ledger/family": "f9cd241c9034a4ad",
        "encounters/create": "8d77fa891bdaeb31",
        "encounters/revision": "24eb20bd21cfb485",
        "encounters/claims": "e8662d3741127f85",
        "encounters/institutions": "db8ff8dc54e6e3b2",
        "scoring/create": "8e542b378a18cbeb",
        "enrollment/consents": "c32674df565d2b93",
        "enrollment/steps": "044e15e6546b0cd8",
        "receivables/create": "33d8dca4456edc39",
        "blacklist/entries": "7ec6705c50e9e84d",
        "blacklist/registry-outbox": "3028aecd9842f101",
    ]

    func testReleasedMigrationsAreNeverEdited() {
        ReleasedMigrations.assertUnedited(SQLiteSchema.plan.migrations.map { (id: $0.id, sql: $0.sql) }, released: Self.released)
    }
}
