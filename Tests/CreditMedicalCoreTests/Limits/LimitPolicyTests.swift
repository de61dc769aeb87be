import CreditMedicalCore
import Foundation
import XCTest

final class LimitPolicyTests: XCTestCase {
    let bankLine = Money(fen: 4_000_000)  // ¥40,000.00

    func testTheTierOfTheScoreGrantsItsShareOfTheBanksLineUpToItsCap() throws {
        let policy = LimitPolicy.xiamenStyle
        XCTAssertNil(try policy.limit(score: 649, bankLine: bankLine), "below the lowest tier: no line")
        XCTAssertEqual(try policy.limit(score: 650, bankLine: bankLine)?.limit, Money(fen: 1_000_000), "50 % is 20,000, capped at 10,000")
        XCTAssertEqual(try policy.limit(score: 699, bankLine: bankLine)?.tier, "C")
        XCTAssertEqual(try policy.limit(score: 700, bankLine: bankLine)?.limit, Money(fen: 3_000_000), "80 % is 32,000, capped at 30,000")
        XCTAssertEqual(try policy.limit(score: 749, bankLine: Money(fen: 1_000_001))?.limit, Money(fen: 800_000), "80 %, rounded down")
        XCTAssertEqual(try policy.limit(score: 900, bankLine: bankLine)?.limit, bankLine)
        XCTAssertEqual(try policy.limit(score: 900, bankLine: bankLine)?.tier, "A")
    }

    func testAShareIsExactAndOverflowIsAnError() throws {
        XCTAssertEqual(try Money(fen: 999).share(permille: 1_500), Money(fen: 1_498), "1,498.5 rounded down")
        XCTAssertEqual(try Money(fen: -999).share(permille: 1_500), Money(fen: -1_498), "toward zero")
        XCTAssertEqual(try Money(fen: .max).share(permille: 1_000), Money(fen: .max), "no intermediate overflow")
        XCTAssertEqual(try Money(fen: .max).share(permille: 500), Money(fen: .max / 2))
        XCTAssertThrowsError(try Money(fen: .max).share(permille: 1_001)) { XCTAssertTrue(MoneyError.Code.overflow ~= $0, "\($0)") }
    }

    func testTiersRoundTripThroughTheirJSON() throws {
        XCTAssertEqual(try LimitPolicy(json: LimitPolicy.xiamenStyle.json()), LimitPolicy.xiamenStyle)
    }

    /// Each broken file: the path and a word of the problem its error names.
    func testOverlappingTiersAndOtherMistakesAreRefused() throws {
        let cases: [(String, (inout [[String: Any]]) -> Void, String, String)] = [
            ("overlapping", { $0[1]["minimumScore"] = 690 }, "tiers[1].minimumScore", "overlaps tiers[0]"),
            ("out of order", { $0.swapAt(0, 1) }, "tiers[1].minimumScore", "overlaps"),
            ("open-ended in the middle", { $0[1]["maximumScore"] = nil }, "tiers[1].maximumScore", "only the last"),
            ("upside down", { $0[0]["maximumScore"] = 600 }, "tiers[0].maximumScore", "below"),
            ("a share too large", { $0[2]["permille"] = 20_000 }, "tiers[2].permille", "0 to 10000"),
            ("a negative cap", { $0[2]["capFen"] = -1 }, "tiers[2].capFen", "negative"),
            ("a name twice", { $0[2]["name"] = "C" }, "tiers[2].name", "twice"),
            ("an unknown key", { $0[0]["cap"] = 5 }, "tiers[0].cap", "unknown key"),
            // Foundation does not say which number did not fit.
            ("a fraction for a whole number", { $0[0]["permille"] = 0.5 }, "(file)", "a number does not fit its field"),
        ]
        for (name, breakIt, path, problem) in cases {
            var object = try XCTUnwrap(JSONSerialization.jsonObject(with: LimitPolicy.xiamenStyle.json()) as? [String: Any])
            var tiers = object["tiers"] as? [[String: Any]] ?? []
            breakIt(&tiers)
            object["tiers"] = tiers
            XCTAssertThrowsError(try LimitPolicy(json: JSONSerialization.data(withJSONObject: object)), name) { error in
                let policy = error as? PolicyError
                XCTAssertEqual(policy?.code, .invalidPolicy, "\(name): \(error)")
                XCTAssertEqual(policy?.context["path"], path, "\(name): \(error)")
                XCTAssertTrue(policy?.context["problem"]?.contains(problem) == true, "\(name): \(error)")
            }
        }
    }
}
