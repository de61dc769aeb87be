import CreditMedicalCore
@testable import CreditMedicalTraining
import XCTest

final class PointsScalerTests: XCTestCase {
    func testFactorAndOffsetFollowTheDefaults() {
        // factor = 20 / ln 2 = 28.8539; offset = 600 − 28.8539 × ln 50 = 600 − 112.8771 = 487.1229.
        let scaler = PointsScaler(Scorecard.PointsScaling())
        XCTAssertEqual(scaler.factor, 28.853901, accuracy: 1e-6)
        XCTAssertEqual(scaler.offset, 487.122876, accuracy: 1e-6)
        // Log-odds of bad ln(1/50) is good:bad odds 50, which scores 600.
        XCTAssertEqual(scaler.baseScore(intercept: log(1.0 / 50)), 600)
        // Each halving of the odds costs 20 points.
        XCTAssertEqual(scaler.baseScore(intercept: log(2.0 / 50)), 580)
    }

    func testASaferBinGetsMorePoints() {
        // The regression's weight of WoE (= ln good/bad) on the log-odds of bad is negative.
        let scaler = PointsScaler(Scorecard.PointsScaling())
        let safer = scaler.points(coefficient: -0.9, woe: 0.6), riskier = scaler.points(coefficient: -0.9, woe: -0.4)
        XCTAssertGreaterThan(safer, riskier)
        XCTAssertEqual(safer, Int((28.853901 * 0.9 * 0.6).rounded()))
    }
}
