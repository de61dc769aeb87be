import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

final class MonthLongCollectionTests: XCTestCase {
    func testEightMonthsInMemory() async throws {
        try await MonthLongCollection.run(on: InMemoryDatabase())
    }
}
