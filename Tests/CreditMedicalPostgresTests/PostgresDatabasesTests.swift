import CreditMedicalCore
import CreditMedicalPostgres
import XCTest

/// Printing a URL leaves its password out; a URL libpq cannot read is refused without quoting it.
final class PostgresDatabaseTests: XCTestCase {
    func testRedactedRemovesThePasswordAndKeepsTheRest() {
        XCTAssertEqual(PostgresDatabase.redacted("postgres://alice:s3cret@db.example:5433/ledger?sslmode=require"),
                       "postgres://alice@db.example:5433/ledger?sslmode=require")
        XCTAssertEqual(PostgresDatabase.redacted("postgresql:///ledger?host=/run/pg&password=s3cret&user=alice"),
                       "postgresql:///ledger?host=/run/pg&user=alice")
        XCTAssertEqual(PostgresDatabase.redacted("postgresql://alice:s3%40cret@/ledger?password=s3cret"), "postgresql://alice@/ledger")
        let plain = "postgresql:///postgres?host=/tmp/socket&port=5432&user=postgres"
        XCTAssertEqual(PostgresDatabase.redacted(plain), plain, "nothing to remove")
        XCTAssertEqual(PostgresDatabase.redacted("host=db.example user=alice password='s3 cret' dbname=ledger"),
                       "user='alice' dbname='ledger' host='db.example'")
        for unreadable in ["postgres://alice:s3cret@[::1/ledger", "host=db password='s3cret"] {
            XCTAssertFalse(PostgresDatabase.redacted(unreadable).contains("s3cret"), PostgresDatabase.redacted(unreadable))
        }
    }

    func testAURLLibpqCannotReadIsInvalidAndNotQuoted() {
        XCTAssertThrowsError(try PostgresLedgerStore(url: "postgresql://alice:s3cret@/ledger?s3cret=1")) { error in
            XCTAssertEqual((error as? PostgresStoreError)?.code, .invalidURL, "\(error)")
            XCTAssertFalse(String(reflecting: error).contains("s3cret"), String(reflecting: error))
        }
    }
}
