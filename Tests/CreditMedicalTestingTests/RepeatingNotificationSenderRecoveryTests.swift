import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

/// The checkout recovery suite runs against the adapters and observations a vendor gives it: a
/// sender that delivers a notice again when it is sent again fails it where a resumed checkout
/// sends the fee notice a second time.
final class RepeatingNotificationSenderRecoveryTests: CheckoutRecoveryConformance {
    override func makeDatabase() throws -> any CreditDatabase { InMemoryDatabase() }
    override func reopen(_ database: any CreditDatabase) throws -> any CreditDatabase { database }
    override func makeNotificationSender() throws -> any NotificationSender { RepeatingNotificationSender() }
    override func deliveries(of id: AdapterRequestID, from sender: any NotificationSender) async throws -> Int {
        try RepeatingNotificationSender.deliveries(of: id, by: sender)
    }

    func testTheSuiteFailsASenderThatDeliversTheResumedNoticeAgain() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement"], "\(report)")
        let messages = report.failures.flatMap(\.messages)
        // Only a crash after the notice went out makes the resumed checkout send it again.
        let points = CheckoutCrashPoint.allCases.filter { point in messages.contains { $0.contains("[\(point)]") } }
        XCTAssertEqual(points, [.notified], "\(messages)")
        XCTAssertTrue(messages.allSatisfy { $0.contains("the fee notice reached the patient once") }, "\(messages)")
    }
}
