import CreditMedicalCore
import CreditMedicalTraining
import XCTest

final class DiscriminationTests: XCTestCase {
    func testAUCKSAndGiniMatchTheHandComputation() throws {
        // Goods score 20 and 30; bads 10, 20 and 40. Good-bad pairs: 20>10 wins, 20=20 ties (½),
        // 20<40 loses, 30>10 and 30>20 win, 30<40 loses: AUC = 3.5 / 6.
        // Share at or below each score, bads vs goods: 10: 1/3 vs 0; 20: 2/3 vs 1/2; 30: 2/3 vs 1;
        // 40: 1 vs 1. KS = 1/3. Gini = 2 × 3.5/6 − 1 = 1/6.
        let measure = try Discrimination(scores: [10, 20, 20, 30, 40], targets: [1, 1, 0, 0, 1])
        XCTAssertEqual(measure.auc, 3.5 / 6, accuracy: 1e-12)
        XCTAssertEqual(measure.ks, 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(measure.gini, 1.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(measure.goods, 2)
        XCTAssertEqual(measure.bads, 3)
    }

    func testPerfectReversedAndTiedScores() throws {
        XCTAssertEqual(try Discrimination(scores: [1, 2, 3, 4], targets: [1, 1, 0, 0]).auc, 1)
        XCTAssertEqual(try Discrimination(scores: [1, 2, 3, 4], targets: [1, 1, 0, 0]).ks, 1)
        XCTAssertEqual(try Discrimination(scores: [1, 2, 3, 4], targets: [0, 0, 1, 1]).auc, 0)
        XCTAssertEqual(try Discrimination(scores: [5, 5, 5, 5], targets: [0, 1, 0, 1]).auc, 0.5)
        XCTAssertEqual(try Discrimination(scores: [5, 5, 5, 5], targets: [0, 1, 0, 1]).ks, 0)
        XCTAssertEqual(try Discrimination(scores: [1, 2], targets: [0, 0]).auc, 0.5)
    }

    func testUnevenColumnsAreAnErrorNotACrash() {
        XCTAssertThrowsError(try Discrimination(scores: [1, 2, 3], targets: [0, 1])) { error in
            XCTAssertTrue(TrainingError.Code.unevenColumns ~= error, "\(error)")
        }
        XCTAssertThrowsError(try PopulationStability(baseline: [1, 2], current: [1])) { error in
            XCTAssertTrue(TrainingError.Code.unevenColumns ~= error, "\(error)")
        }
    }
}
