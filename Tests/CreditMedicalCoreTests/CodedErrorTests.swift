import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// Every error of Core is a `CodedError`: its description is the code, the sentence and the
/// context, so a tool that prints it shows all three, and it matches its code in a `catch`.
final class CodedErrorTests: XCTestCase {
    func testMoneyErrorsShowTheirCodeAndSentence() throws {
        let error: any Error = MoneyError(.tooManyDecimals)
        let coded = try XCTUnwrap(error as? any CodedError)
        XCTAssertEqual(coded.description, "money.too_many_decimals: The amount has more than two decimals; one fen is the smallest unit.")
        XCTAssertTrue(MoneyError.Code.tooManyDecimals ~= error)
    }

    func testAnAuditOfAStoreThatKeptChangingSaysHowOftenItTried() throws {
        let error: any Error = LedgerAuditError(attempts: 3)
        let coded = try XCTUnwrap(error as? any CodedError)
        XCTAssertEqual(coded.description, "audit.store_kept_changing: The ledger changed during each read; audit a snapshot of it. (attempts=3)")
    }

    func testACopyIntoALedgerThatIsNotEmptyIsRefusedWithItsCode() async throws {
        let source = InMemoryLedgerStore()
        let target = InMemoryLedgerStore()
        try await Ledger(store: target).execute(.openLine("L", limit: Money(fen: 100)), key: "open")
        XCTAssertThrowsError(try LedgerCopier.copy(from: source, to: target)) { error in
            XCTAssertTrue(CopyError.Code.targetNotEmpty ~= error, "\(error)")
            XCTAssertEqual("\(error)", "copy.target_not_empty: The target is not empty. (what=journal)")
        }
    }
}
