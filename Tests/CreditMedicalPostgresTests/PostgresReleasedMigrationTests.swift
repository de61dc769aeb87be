@testable import CreditMedicalPostgres
import CreditMedicalStoreSupport
import CreditMedicalTestSupport
import XCTest

/// The Postgres store's released migrations run the statements they were released with.
final class PostgresReleasedMigrationTests: XCTestCase {
    /// The digest of each released migration's statements.
    private static let released: [String: String] = [
        "ledger/create": "b3b0ff5f4129b760",
        "ledger/command-detail": "a317389ea3b99aee",
        "ledger/family": "40602caac3adcced",
        "encounters/create": "64fa06b292490ece",
        "encounters/revision": "06116319871c25f6",
        "encounters/claims": "cfc5ee49c467cefd",
        "encounters/institutions": "cae2f10e4e45cd72",
        "scoring/create": "a8cf38b2c25fe6f3",
        "enrollment/consents": "fe5c74b8536b63c1",
        "enrollment/steps": "17255f9a4257946a",
        "receivables/create": "7e3462794fd375c4",
        "blacklist/entries": "764a91aef877455d",
        "blacklist/registry-outbox": "38e71ac2486e6db8",
    ]

    func testReleasedMigrationsAreNeverEdited() {
        ReleasedMigrations.assertUnedited(PostgresSchema.plan.migrations.map { (id: $0.id, sql: $0.sql) }, released: Self.released)
    }
}
