import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

final class CheckoutCrashPointTests: XCTestCase {
    /// The public crash points name the desk's checkpoints one to one, so a crash test reaches
    /// every one of them.
    func testEveryCheckpointOfTheDeskHasItsOwnCrashPoint() {
        let named = CheckoutCheckpoint.allCases.map(CheckoutCrashPoint.init)
        XCTAssertEqual(Set(named), Set(CheckoutCrashPoint.allCases))
        XCTAssertEqual(named.count, CheckoutCrashPoint.allCases.count)
        XCTAssertEqual(named, CheckoutCrashPoint.allCases, "in the order of the checkout")
    }
}
