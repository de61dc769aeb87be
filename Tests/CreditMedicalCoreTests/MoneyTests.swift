import CreditMedicalCore
import XCTest

final class MoneyTests: XCTestCase {
    func testParsesYuanExactly() throws {
        let cases: [(String, Int64)] = [
            ("12.34", 1_234), ("¥1,000.00", 100_000), ("￥0.05", 5), ("CNY 3", 300), ("12.3", 1_230), ("-¥8.10", -810),
            ("¥-8.10", -810), (" 1,234,567.89 ", 123_456_789), ("0", 0), ("+7", 700), ("92233720368547758.07", .max),
        ]
        for (text, fen) in cases {
            XCTAssertEqual(try Money(parsing: text).fen, fen, text)
        }
    }

    func testRefusesMalformedAmountsWithTheirCodes() {
        let cases: [(String, MoneyError.Code)] = [
            ("1.234", .tooManyDecimals), ("0.001", .tooManyDecimals), ("1,00", .invalidFormat), ("abc", .invalidFormat),
            ("", .invalidFormat), ("1..2", .invalidFormat), ("1.2.3", .invalidFormat), ("¥", .invalidFormat),
            ("1e5", .invalidFormat), ("12,34.5", .invalidFormat), ("92233720368547758.08", .overflow),
            ("99999999999999999999", .overflow),
        ]
        for (text, code) in cases {
            XCTAssertThrowsError(try Money(parsing: text), text) { error in
                XCTAssertEqual((error as? MoneyError)?.code, code, text)
            }
        }
    }

    func testFormatsWithGroupsAndTwoDecimals() {
        XCTAssertEqual(Money(fen: 123_456).formatted(), "¥1,234.56")
        XCTAssertEqual(Money(fen: 5).formatted(), "¥0.05")
        XCTAssertEqual(Money(fen: -100_000).formatted(), "-¥1,000.00")
        XCTAssertEqual(Money(fen: .min).formatted(), "-¥92,233,720,368,547,758.08")
        XCTAssertEqual(try Money(parsing: Money(fen: 987_654_321).formatted()).fen, 987_654_321)
    }

    func testArithmeticIsCheckedForOverflow() throws {
        XCTAssertEqual(try Money(fen: 250).adding(Money(fen: 50)), Money(fen: 300))
        XCTAssertEqual(try Money(fen: 250).subtracting(Money(fen: 300)), Money(fen: -50))
        XCTAssertEqual(try Money(fen: 250).multiplied(by: 4), Money(fen: 1_000))
        XCTAssertEqual(try Money(yuan: 12), Money(fen: 1_200))
        for operation in [{ try Money(fen: .max).adding(Money(fen: 1)) }, { try Money(fen: .min).subtracting(Money(fen: 1)) },
                          { try Money(fen: .max / 2 + 1).multiplied(by: 2) }, { try Money(fen: .min).negated() },
                          { try Money(yuan: .max / 100 + 1) }] {
            XCTAssertThrowsError(try operation()) { error in
                XCTAssertEqual((error as? MoneyError)?.code, .overflow)
            }
        }
    }
}
