import CreditMedicalCore
import Foundation
import XCTest

/// A scorecard file is validated on load: a broken one is an error naming where and what.
final class ScorecardLoadingTests: XCTestCase {
    func testAScorecardRoundTripsThroughItsJSON() throws {
        let loaded = try Scorecard(json: ScorecardSample.card.json())
        XCTAssertEqual(loaded, ScorecardSample.card)
        XCTAssertTrue(ScorecardSample.json.contains("\"formatVersion\" : 1"), ScorecardSample.json)
    }

    func testOptionalFieldsTakeTheirDefaults() throws {
        let card = try Scorecard(json: Data("""
            {"format": "creditmedical.scorecard", "formatVersion": 1, "id": "hand", "version": "1", "baseScore": 600,
             "features": [{"name": "age_band", "kind": "categorical", "bins": [{"categories": ["a"], "points": 1}],
                           "missing": {"points": 0}}]}
            """.utf8))
        XCTAssertEqual(card.excluded, [])
        XCTAssertEqual(card.maxReasons, 4)
        XCTAssertNil(card.scaling)
    }

    /// Each broken file, with the path and a word of the problem its error must name.
    func testABrokenFileNamesThePathAndTheProblem() throws {
        let cases: [(String, (inout [String: Any]) -> Void, String, String)] = [
            ("an unknown key", { $0["basescore"] = 1 }, "basescore", "unknown key"),
            ("a misspelt bin key", { Self.bin(&$0, 0, 1) { $0["upto"] = 5 } }, "features[0].bins[1].upto", "unknown key"),
            ("a missing key", { $0["id"] = nil }, "id", "missing"),
            ("a string for a number", { $0["baseScore"] = "600" }, "baseScore", "expected"),
            ("bins out of order", { Self.bin(&$0, 0, 1) { $0["upTo"] = 6 } }, "features[0].bins[1].upTo", "greater than"),
            ("a last bin with a bound", { Self.bin(&$0, 0, 2) { $0["upTo"] = 99 } }, "features[0].bins[2].upTo", "no upTo"),
            ("a category twice", { Self.bin(&$0, 1, 2) { $0["categories"] = ["normal"] } }, "features[1].bins[2].categories", "twice"),
            ("an unseen bin past the end", { Self.feature(&$0, 1) { $0["unseenBin"] = 7 } }, "features[1].unseenBin", "no bin 7"),
            ("a feature twice", { Self.feature(&$0, 2) { $0["name"] = "housing_fund_months" } }, "features[2].name", "twice"),
            ("an unknown kind", { Self.feature(&$0, 0) { $0["kind"] = "ordinal" } }, "features[0].kind", "ordinal"),
            ("no features", { $0["features"] = [Any]() }, "features", "at least one"),
            ("points out of range", { $0["baseScore"] = 5_000_000 }, "baseScore", "within"),
            ("another format", { $0["format"] = "scorecard" }, "format", "must be"),
        ]
        for (name, breakIt, path, problem) in cases {
            var object = try XCTUnwrap(JSONSerialization.jsonObject(with: ScorecardSample.card.json()) as? [String: Any])
            breakIt(&object)
            let data = try JSONSerialization.data(withJSONObject: object)
            XCTAssertThrowsError(try Scorecard(json: data), name) { error in
                let scoring = error as? ScoringError
                XCTAssertEqual(scoring?.code, .invalidScorecard, "\(name): \(error)")
                XCTAssertEqual(scoring?.context["path"], path, "\(name): \(error)")
                XCTAssertTrue(scoring?.context["problem"]?.contains(problem) == true, "\(name): \(error)")
            }
        }
    }

    func testNotJSONAndANewerFormatAreRefused() throws {
        XCTAssertThrowsError(try Scorecard(json: Data("{\"format\": ".utf8))) { error in
            XCTAssertEqual((error as? ScoringError)?.code, .invalidScorecard)
            XCTAssertEqual((error as? ScoringError)?.context["path"], "(file)")
        }
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: ScorecardSample.card.json()) as? [String: Any])
        object["formatVersion"] = 2
        XCTAssertThrowsError(try Scorecard(json: JSONSerialization.data(withJSONObject: object))) { error in
            XCTAssertEqual((error as? ScoringError)?.code, .unsupportedFormat, "\(error)")
        }
    }

    func testAScorerValidatesTheCardItIsGiven() {
        var card = ScorecardSample.card
        card.features[0].bins.swapAt(0, 1)
        XCTAssertThrowsError(try ScorecardScorer(card)) { XCTAssertTrue(ScoringError.Code.invalidScorecard ~= $0, "\($0)") }
    }

    private static func feature(_ object: inout [String: Any], _ index: Int, _ change: (inout [String: Any]) -> Void) {
        var features = object["features"] as? [[String: Any]] ?? []
        change(&features[index])
        object["features"] = features
    }

    private static func bin(_ object: inout [String: Any], _ feature: Int, _ index: Int, _ change: (inout [String: Any]) -> Void) {
        Self.feature(&object, feature) { feature in
            var bins = feature["bins"] as? [[String: Any]] ?? []
            change(&bins[index])
            feature["bins"] = bins
        }
    }
}
