@testable import CreditMedicalTraining
import XCTest

final class DecimalParserTests: XCTestCase {
    private func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0, 0, $0.count) }
    }

    func testReadsPlainDecimalsExactly() {
        XCTAssertEqual(parse("12"), 12)
        XCTAssertEqual(parse("-3.25"), -3.25)
        XCTAssertEqual(parse(".5"), 0.5)
        XCTAssertEqual(parse(" 0.1 "), 0.1)
        XCTAssertEqual(parse("1e-3"), 0.001)
        XCTAssertEqual(parse("123456789.123456789"), 123456789.123456789)
    }

    func testRejectsWhatIsNotAFiniteNumber() {
        for text in ["", "-", ".", "1.2.3", "12a", "inf", "NaN", "1e", "1e999", "0x10"] {
            XCTAssertNil(parse(text), text)
        }
    }
}
