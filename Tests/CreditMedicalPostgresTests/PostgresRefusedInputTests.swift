import CreditMedicalPostgres
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// Refused input never reaches the server: a NUL in one id used to make the whole batch fail
/// there (and with group commit, other callers' commands with it).
final class PostgresRefusedInputTests: XCTestCase {
    func testRefusedInputIsAnsweredAsOverTheMemoryStore() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let memory = try await RefusedInputs.check(InMemoryLedgerStore())
        let postgres = try await RefusedInputs.check(PostgresLedgerStore(url: url))
        XCTAssertEqual(postgres, memory)
    }
}
