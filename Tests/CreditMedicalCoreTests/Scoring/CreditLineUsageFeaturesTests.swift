import CreditMedicalCore
import XCTest

final class CreditLineUsageFeaturesTests: XCTestCase {
    private let time = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    func testUtilisationIsHeldAndOutstandingOverTheLimit() {
        let line = CreditLine(id: "L-1", limit: Money(fen: 200_000), held: Money(fen: 30_000), outstanding: Money(fen: 20_000),
                              openedAt: time, updatedAt: time)
        XCTAssertEqual(line.usageFeatures["credit_utilisation"], .number(0.25))
        XCTAssertEqual(line.usageFeatures["credit_line_status"], .category("usable"))
    }

    func testAZeroLimitHasNoUtilisationAndTheStrictestStatusIsReported() {
        let line = CreditLine(id: "L-2", limit: .zero, status: [.suspended, .frozen], openedAt: time, updatedAt: time)
        XCTAssertEqual(line.usageFeatures["credit_utilisation"], .missing(.noRecord), "missing, never zero")
        XCTAssertEqual(line.usageFeatures["credit_line_status"], .category("frozen"))
    }
}
