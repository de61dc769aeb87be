/// A column training did not use, and why.
public struct DroppedFeature: Sendable, Hashable, CustomStringConvertible {
    /// Why a column was not used.
    public enum Reason: Sendable, Hashable {
        /// Left out by policy (``TrainingOptions/excluded``).
        case excluded
        /// Every value is the same.
        case constant
        /// No row has a value.
        case allMissing
        /// Its information value is below ``TrainingOptions/minimumInformationValue``.
        case lowInformationValue(Double)
        /// Its WoE column correlates beyond ``TrainingOptions/correlationLimit`` with a feature of
        /// higher information value.
        case correlated(with: String, correlation: Double)
        /// The regression gave it a weight of the wrong sign (more points for riskier bins), as
        /// happens to a feature another one already explains.
        case wrongSign(coefficient: Double)
    }

    public let name: String
    public let reason: Reason

    public init(name: String, reason: Reason) {
        self.name = name
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .excluded: "\(name): excluded by policy"
        case .constant: "\(name): constant"
        case .allMissing: "\(name): no value in any row"
        case .lowInformationValue(let value): "\(name): information value \(value) below the threshold"
        case .correlated(let other, let correlation): "\(name): correlates \(correlation) with \(other), which has more information value"
        case .wrongSign(let coefficient): "\(name): regression weight \(coefficient) of the wrong sign"
        }
    }
}
