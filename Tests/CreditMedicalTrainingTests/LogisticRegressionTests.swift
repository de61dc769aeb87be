@testable import CreditMedicalTraining
import XCTest

final class LogisticRegressionTests: XCTestCase {
    func testASaturatedModelMatchesTheOddsCountedByHand() {
        // x = 0: 3 goods, 1 bad, so b0 = ln(1/3); x = 1: 1 good, 3 bads, so b0 + b1 = ln 3 and b1 = 2 ln 3.
        let x: [Double] = [0, 0, 0, 0, 1, 1, 1, 1]
        let y: [UInt8] = [0, 0, 0, 1, 0, 1, 1, 1]
        let model = LogisticRegression(columns: [x], targets: y, l2: 0)
        XCTAssertTrue(model.converged)
        XCTAssertLessThan(model.iterations, 15)
        XCTAssertEqual(model.intercept, log(1.0 / 3), accuracy: 1e-9)
        XCTAssertEqual(model.coefficients[0], 2 * log(3.0), accuracy: 1e-9)
        // At x = 1 the odds of bad are 3 : 1.
        XCTAssertEqual(model.logOdds([1]), log(3.0), accuracy: 1e-9)
    }

    func testMatchesGradientDescentWithAPenalty() {
        let x1: [Double] = [0, 1, 2, 3, 4, 5, 1.5, 2.5, 0.5, 3.5]
        let x2: [Double] = [1, -1, 0.5, 2, -0.5, 1, 0, -2, 1.5, 0.3]
        let y: [UInt8] = [0, 0, 1, 0, 1, 1, 0, 1, 0, 1]
        let l2 = 0.5
        let model = LogisticRegression(columns: [x1, x2], targets: y, l2: l2)
        XCTAssertTrue(model.converged)
        // The second method: plain gradient ascent on the same penalised log-likelihood.
        var beta = [0.0, 0.0, 0.0]
        for _ in 0..<200_000 {
            var gradient = [0.0, -l2 * beta[1], -l2 * beta[2]]
            for row in y.indices {
                let probability = 1 / (1 + exp(-(beta[0] + beta[1] * x1[row] + beta[2] * x2[row])))
                let residual = Double(y[row]) - probability
                gradient[0] += residual
                gradient[1] += residual * x1[row]
                gradient[2] += residual * x2[row]
            }
            for index in beta.indices { beta[index] += 0.05 * gradient[index] }
            if gradient.allSatisfy({ abs($0) < 1e-10 }) { break }
        }
        XCTAssertEqual(model.intercept, beta[0], accuracy: 1e-6)
        XCTAssertEqual(model.coefficients[0], beta[1], accuracy: 1e-6)
        XCTAssertEqual(model.coefficients[1], beta[2], accuracy: 1e-6)
    }

    func testCholeskySolvesASmallSystem() throws {
        // [[4, 2], [2, 3]] x = [2, 1] has x = [0.5, 0].
        let solution = try XCTUnwrap(choleskySolve([4, 2, 2, 3], [2, 1], size: 2))
        XCTAssertEqual(solution[0], 0.5, accuracy: 1e-12)
        XCTAssertEqual(solution[1], 0, accuracy: 1e-12)
        XCTAssertNil(choleskySolve([1, 2, 2, 1], [1, 1], size: 2))
    }
}
