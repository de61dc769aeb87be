import CreditMedicalCore
import Foundation

/// Turns a regression's log-odds of bad into points: `score = offset + factor × ln(odds good:bad)`
/// with `factor = PDO / ln 2` and `offset = basePoints − factor × ln(baseOdds)`. As the model says
/// `ln(odds bad) = b0 + Σ bi·woe_i`, the base score is `offset − factor × b0` and a bin's points
/// `−factor × bi × woe`, each rounded: the lower the risk, the higher the score.
struct PointsScaler {
    let factor: Double
    let offset: Double

    init(_ scaling: Scorecard.PointsScaling) {
        factor = scaling.pointsToDoubleOdds / log(2)
        offset = scaling.basePoints - factor * log(scaling.baseOdds)
    }

    func baseScore(intercept: Double) -> Int {
        Int((offset - factor * intercept).rounded())
    }

    func points(coefficient: Double, woe: Double) -> Int {
        Int((-factor * coefficient * woe).rounded())
    }
}
