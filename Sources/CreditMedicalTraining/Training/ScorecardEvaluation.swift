public import CreditMedicalCore

/// How well a scorecard ranks a labelled table: AUC, KS and Gini of its scores (higher = safer)
/// against the table's 0/1 target (1 = bad).
public struct ScorecardEvaluation: Sendable {
    public let discrimination: Discrimination
    /// How many rows were scored.
    public let rows: Int

    public var auc: Double { discrimination.auc }
    public var ks: Double { discrimination.ks }
    public var gini: Double { discrimination.gini }

    /// Scores every row of `table` and measures against column `target`. Throws
    /// `TrainingError.Code.missingTarget`, `TrainingError.Code.invalidTarget` or
    /// `TrainingError.Code.tableMismatch`.
    public init(scorecard: Scorecard, table: CSVTable, target: String) throws(TrainingError) {
        let targets = try TargetColumn.targets(of: table, named: target)
        discrimination = try Discrimination(scores: Self.scores(scorecard, table), targets: targets)
        rows = table.rowCount
    }

    /// The scorecard's score of every row of `table`, as numbers.
    static func scores(_ scorecard: Scorecard, _ table: CSVTable) throws(TrainingError) -> [Double] {
        do {
            return try scorecard.scores(table.batch()).map(Double.init)
        } catch {
            throw TrainingError(.tableMismatch, context: error.context, details: error.details)
        }
    }
}
