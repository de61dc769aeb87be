import CreditMedicalCore
import CreditMedicalTraining
import XCTest

final class DroppedColumnTests: XCTestCase {
    /// 400 rows: `risk` tells bads apart, `same` never changes, `empty` has no value, `age` is
    /// excluded by policy although it tells bads apart too.
    private func table() throws -> CSVTable {
        let rows = (0..<400).map { row in
            let bad = row % 5 == 0 || (row % 7 == 0 && row % 3 == 0)
            return "\(bad ? row % 50 : 30 + row % 70),same,,\(bad ? 20 : 40 + row % 30),\(bad ? 1 : 0)"
        }
        return try CSVTable(csv: "risk,note,empty,age,bad\n" + rows.joined(separator: "\n"))
    }

    func testConstantAndEmptyColumnsAreDroppedWithAWarning() throws {
        let result = try ScorecardTrainer(options: TrainingOptions(excluded: ["age"])).train(table(), target: "bad")
        XCTAssertEqual(result.scorecard.features.map(\.name), ["risk"])
        XCTAssertEqual(result.scorecard.excluded, ["age"])
        XCTAssertEqual(Set(result.dropped), [DroppedFeature(name: "note", reason: .constant), DroppedFeature(name: "empty", reason: .allMissing),
                                            DroppedFeature(name: "age", reason: .excluded)])
        XCTAssertEqual(result.warnings.count, 2)
        XCTAssertTrue(result.warnings.contains { $0.contains("note") && $0.contains("constant") })
        XCTAssertTrue(result.warnings.contains { $0.contains("empty") })
        XCTAssertFalse(result.warnings.contains { $0.contains("age") })
    }

    func testEvaluationNeedsTheTarget() throws {
        let card = try ScorecardTrainer().train(table(), target: "bad").scorecard
        XCTAssertThrowsError(try ScorecardEvaluation(scorecard: card, table: CSVTable(csv: "risk\n1\n"), target: "bad")) { error in
            XCTAssertEqual((error as? TrainingError)?.code, .missingTarget)
        }
        let evaluation = try ScorecardEvaluation(scorecard: card, table: table(), target: "bad")
        XCTAssertEqual(evaluation.rows, 400)
        XCTAssertGreaterThan(evaluation.auc, 0.9)
    }
}
