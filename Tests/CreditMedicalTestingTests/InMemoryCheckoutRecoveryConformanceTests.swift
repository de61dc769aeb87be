import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

/// The checkout recovery suite on the in-memory store, which keeps both the ledger and the
/// encounters; a store "reopened" is the same memory, as a file would be the same file.
final class InMemoryCheckoutRecoveryConformanceTests: CheckoutRecoveryConformance {
    override func makeDatabase() throws -> any CreditDatabase { InMemoryDatabase() }

    override func reopen(_ database: any CreditDatabase) throws -> any CreditDatabase { database }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
