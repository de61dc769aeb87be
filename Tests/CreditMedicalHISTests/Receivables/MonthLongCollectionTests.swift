import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

final class MonthLongCollectionTests: XCTestCase {
    func testEightMonthsInMemory() async throws {
        let database = InMemoryDatabase()
        try await MonthLongCollection.run(on: database, receivables: InMemoryReceivableStore(), arrears: database.arrearsStore)
    }
}
