public import CreditMedicalCore
import Foundation

/// The population stability index between a baseline and a current distribution over the same
/// bins: `Σ (current share − baseline share) × ln(current share / baseline share)`. An empty bin's
/// share is taken as ``epsilon`` so that the sum stays finite.
public struct PopulationStability: Sendable, Hashable {
    /// The share an empty bin counts as.
    public static let epsilon = 1e-4

    /// What a PSI calls for.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// Below 0.10: the population has not moved.
        case stable
        /// From 0.10 to 0.25: watch it.
        case watch
        /// Above 0.25: the population moved; review or retrain the scorecard.
        case act
    }

    public let psi: Double

    /// The verdict: below 0.10 stable, 0.10 to 0.25 watch, above 0.25 act.
    public var verdict: Verdict {
        psi < 0.10 ? .stable : psi <= 0.25 ? .watch : .act
    }

    /// The PSI of `current` against `baseline`, counts per bin in the same order.
    /// Throws `TrainingError.Code.unevenColumns` unless both have the same bins.
    public init(baseline: [Double], current: [Double]) throws(TrainingError) {
        guard baseline.count == current.count else {
            throw TrainingError(.unevenColumns, context: ["baseline": "\(baseline.count)", "current": "\(current.count)"])
        }
        let baselineTotal = max(baseline.reduce(0, +), 1), currentTotal = max(current.reduce(0, +), 1)
        psi = zip(baseline, current).reduce(0) { sum, pair in
            let expected = max(pair.0 / baselineTotal, Self.epsilon), actual = max(pair.1 / currentTotal, Self.epsilon)
            return sum + (actual - expected) * log(actual / expected)
        }
    }
}
