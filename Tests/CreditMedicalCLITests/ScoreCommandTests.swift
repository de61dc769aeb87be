import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTraining
import Foundation
import XCTest

/// `credit-medical score …`: train, evaluate, apply, monitor and report, the way a risk team
/// works, on made-up applicants.
final class ScoreCommandTests: CommandLineTestCase {
    private func write(_ text: String, _ name: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    private func trainedCard() throws -> (card: String, data: String) {
        let data = try write(SyntheticCreditData(rows: 3_000, seed: 7).csv(), "train.csv")
        let card = path("card.json")
        let train = try runApart(["score", "train", "--data", data, "--target", "defaulted", "--out", card, "--exclude", "age,noise_a",
                                  "--id", "pilot", "--version", "2026-12", "--json"])
        XCTAssertEqual(train.status, 0, train.both)
        let json = try XCTUnwrap(train.json, train.both)
        XCTAssertEqual(json["rows"] as? Int, 3_000)
        XCTAssertGreaterThan(json["auc"] as? Double ?? 0, 0.7)
        XCTAssertEqual(json["excluded"] as? [String], ["age", "noise_a"])
        let ivs = try XCTUnwrap((json["features"] as? [[String: Any]])?.compactMap { $0["information_value"] as? Double })
        XCTAssertEqual(ivs, ivs.sorted(by: >), "features by information value")
        return (card, data)
    }

    func testTrainWritesAScorecardThatEvaluatesAsTrained() throws {
        let (card, data) = try trainedCard()
        let scorecard = try Scorecard(json: Data(contentsOf: URL(fileURLWithPath: card)))
        XCTAssertEqual(scorecard.identity, ScorerIdentity(id: "pilot", version: "2026-12"))
        XCTAssertFalse(scorecard.features.contains { $0.name == "age" || $0.name == "noise_a" }, "excluded columns are never used")
        let evaluate = try runApart(["score", "evaluate", "--scorecard", card, "--data", data, "--target", "defaulted", "--json"])
        XCTAssertEqual(evaluate.status, 0, evaluate.both)
        let json = try XCTUnwrap(evaluate.json, evaluate.both)
        XCTAssertEqual(json.keys.sorted(), ["auc", "gini", "ks", "rows"])
        let expected = try ScorecardEvaluation(scorecard: scorecard, table: CSVTable(contentsOf: URL(fileURLWithPath: data)), target: "defaulted")
        XCTAssertEqual(json["auc"] as? Double ?? 0, expected.auc, accuracy: 1e-12)
        XCTAssertEqual(json["gini"] as? Double ?? 0, 2 * expected.auc - 1, accuracy: 1e-12)
    }

    func testApplyWritesOneRowPerApplicantWithScoreAndReasons() throws {
        let (card, _) = try trainedCard()
        let data = try write("id,debt_ratio,insurance\nA-1,0.9,\"none\"\nA-2,,\n", "apply.csv")
        let result = try runApart(["score", "apply", "--scorecard", card, "--data", data, "--key", "id"])
        XCTAssertEqual(result.status, 0, result.both)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "line,id,score,reason_codes,reasons_chinese,reasons_english")
        XCTAssertEqual(lines.count, 3, result.both)
        let scorecard = try Scorecard(json: Data(contentsOf: URL(fileURLWithPath: card)))
        let first = try scorecard.decide(["debt_ratio": .number(0.9), "insurance": .category("none")])
        XCTAssertFalse(first.reasons.isEmpty, "a risky applicant has reasons")
        XCTAssertTrue(lines[1].hasPrefix("2,A-1,\(first.score),\(first.reasons.map(\.code).joined(separator: "; ")),"), lines[1])
    }

    func testMonitorMeasuresDriftWithVerdicts() throws {
        let (card, data) = try trainedCard()
        // Every applicant who owned a home now rents: the housing feature moves, the score with it.
        let drifted = try write(String(contentsOfFile: data, encoding: .utf8).replacingOccurrences(of: ",own,", with: ",rent,"), "now.csv")
        let same = try runApart(["score", "monitor", "--scorecard", card, "--baseline", data, "--current", data, "--json"])
        XCTAssertEqual(same.status, 0, same.both)
        XCTAssertEqual((same.json?["score"] as? [String: Any])?["psi"] as? Double, 0)
        let moved = try runApart(["score", "monitor", "--scorecard", card, "--baseline", data, "--current", drifted, "--json"])
        let features = try XCTUnwrap(moved.json?["features"] as? [[String: Any]], moved.both)
        let housing = try XCTUnwrap(features.first { $0["name"] as? String == "housing" }, "housing is a feature of the card")
        XCTAssertEqual(housing["verdict"] as? String, "act", "\(housing)")
        XCTAssertGreaterThan((moved.json?["score"] as? [String: Any])?["psi"] as? Double ?? 0, 0)
        XCTAssertTrue(features.filter { $0["name"] as? String != "housing" }.allSatisfy { $0["verdict"] as? String == "stable" }, "\(features)")
    }

    func testReportIsOneSelfContainedPage() throws {
        let (card, data) = try trainedCard()
        let out = path("report.html")
        let result = try runApart(["score", "report", "--scorecard", card, "--data", data, "--target", "defaulted", "--out", out])
        XCTAssertEqual(result.status, 0, result.both)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 3, "ROC, KS and distribution charts")
        for forbidden in ["<script", "src=", "href=", "@import", "url("] { XCTAssertFalse(html.contains(forbidden), forbidden) }
        XCTAssertTrue(html.contains("AUC "), "the figures")
        let scorecard = try Scorecard(json: Data(contentsOf: URL(fileURLWithPath: card)))
        for feature in scorecard.features { XCTAssertTrue(html.contains("(\(feature.name)"), feature.name) }
    }

    /// Each bad file: a clear message naming what is wrong, exit status 2, nothing written.
    func testBadDataIsAClearErrorWithExitStatusTwo() throws {
        let cases: [(String, String, String)] = [
            ("empty", "", "training.empty_file"),
            ("no target", "a,b\n1,2\n3,4\n", "columns=a,b"),
            ("target not 01", "a,defaulted\n1,0\n2,yes\n", "line=3"),
            ("ragged", "a,defaulted\n1,0\n2\n", "line=3"),
            ("bad UTF-8", "a,defaulted\n1,0\n\u{FFFD}x,1\n", "line=3"),
        ]
        for (name, text, expected) in cases {
            var bytes = Data(text.utf8)
            if name == "bad UTF-8" { bytes = Data("a,defaulted\n1,0\n".utf8) + Data([0xC3, 0x28]) + Data(",1\n".utf8) }
            try bytes.write(to: URL(fileURLWithPath: path("\(name).csv")))
            let result = try runApart(["score", "train", "--data", path("\(name).csv"), "--target", "defaulted", "--out", path("\(name).json")])
            XCTAssertEqual(result.status, 2, "\(name): \(result.both)")
            XCTAssertTrue(result.standardError.contains(expected), "\(name): \(result.both)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: path("\(name).json")), "\(name): no scorecard written")
        }
        let constant = try write("a,k,defaulted\n1,x,0\n2,x,1\n3,x,0\n4,x,1\n5,x,0\n6,x,1\n", "constant.csv")
        let warned = try runApart(["score", "train", "--data", constant, "--target", "defaulted", "--out", path("c.json")])
        XCTAssertTrue(warned.standardError.contains("warning:") && warned.standardError.contains("k"), warned.both)
    }

    func testABrokenScorecardNamesWhereAndExitsTwo() throws {
        let card = try write(#"{"format": "creditmedical.scorecard", "formatVersion": 1, "id": "x", "version": "1", "basescore": 1}"#, "bad.json")
        let data = try write("a,defaulted\n1,0\n2,1\n", "d.csv")
        let result = try runApart(["score", "evaluate", "--scorecard", card, "--data", data, "--target", "defaulted"])
        XCTAssertEqual(result.status, 2, result.both)
        XCTAssertTrue(result.standardError.contains("scoring.invalid_scorecard") && result.standardError.contains("path=basescore"), result.both)
        let missing = try runApart(["score", "evaluate", "--data", data, "--target", "defaulted"])
        XCTAssertEqual(missing.status, 2, missing.both)
        XCTAssertTrue(missing.standardError.contains("--scorecard is missing"), missing.both)
    }

    func testSyntheticWritesTheSeededApplicants() throws {
        let out = path("made-up.csv")
        let result = try runApart(["score", "synthetic", "--rows", "50", "--seed", "3", "--out", out])
        XCTAssertEqual(result.status, 0, result.both)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), SyntheticCreditData(rows: 50, seed: 3).csv())
        let bad = try runApart(["score", "synthetic", "--seed", "-1", "--out", out])
        XCTAssertEqual(bad.status, 2, bad.both)
    }

    func testBenchScoringPrintsItsFigures() throws {
        let result = try runApart(["bench", "scoring", "--rows", "4000", "--json"])
        XCTAssertEqual(result.status, 0, result.both)
        let json = try XCTUnwrap(result.json, result.both)
        XCTAssertEqual(json.keys.sorted(), ["auc", "batch_per_s", "ratio", "single_per_s", "train_rows", "train_s"])
        XCTAssertEqual(json["train_rows"] as? Int, 4_000)
        XCTAssertGreaterThan(json["ratio"] as? Double ?? 0, 1, "batches beat one at a time")
    }
}
