import CreditMedicalCore
import CreditMedicalStoreSupport
import XCTest

/// The steps whose JSON is written directly are written exactly as the encoder writes them, and
/// read back as they were, whatever their text holds.
final class EnrollmentStepColumnsTests: XCTestCase {
    func testDirectlyWrittenStepsAreTheEncodersTextAndReadBack() throws {
        let tricky = ["A", "", "quote \" backslash \\ slash / ", "new\nline\ttab\r\u{08}\u{0C}\u{01}\u{1F}\u{7F}", "中文 😀 \u{2028}\u{2029} é"]
        var events: [EnrollmentStep.Event] = [.opened]
        for text in tricky {
            events.append(.granted(EnrollmentGrant(bankLimit: Money(fen: 5_000_000), score: -12, scoreRecord: text, tier: text,
                                                   limit: Money(fen: Int64.max))))
            events.append(.reviewed(LimitChange(action: .probation, basis: "probation/\(text)", tier: text, limit: Money(fen: -1),
                                                reason: BilingualText(chinese: text, english: text))))
            events.append(.cancelled(consentEvent: text))
        }
        for event in events {
            let written = try XCTUnwrap(EnrollmentStepColumns.written(event), "\(event)")
            XCTAssertEqual(written, try StoredJSON.text(event), "\(event)")
            XCTAssertEqual(try StoredJSON.value(EnrollmentStep.Event.self, from: written), event)
        }
        XCTAssertNil(EnrollmentStepColumns.written(.refused(reasons: [])), "the others go through the encoder")
    }
}
