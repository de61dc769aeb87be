import CreditMedicalCore
import CreditMedicalTraining
import Foundation

/// `credit-medical score evaluate --scorecard F --data F --target COLUMN [--json]`
enum ScoreEvaluateCommand: Command {
    static let usage = CommandUsage(["score", "evaluate"], "--scorecard FILE --data FILE.csv --target COLUMN [--json]", """
        Scores every row of a labelled CSV with a scorecard and measures how well the scores
        rank bads below goods: AUC, KS and Gini.
        """)

    /// What `--json` prints.
    struct Report: Encodable {
        var auc: Double
        var ks: Double
        var gini: Double
        var rows: Int
    }

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        let scorecard = try ScoreFiles.scorecard(&arguments)
        let data = try ScoreFiles.required("--data", &arguments)
        let target = try ScoreFiles.required("--target", &arguments)
        try arguments.finish()

        let table = try ScoreFiles.table(data)
        let evaluation = try ScoreFiles.using { () throws(TrainingError) in
            try ScorecardEvaluation(scorecard: scorecard, table: table, target: target)
        }
        output.say("\(scorecard.identity) on \(evaluation.rows) rows: AUC \(String(format: "%.4f", evaluation.auc)), "
            + "KS \(String(format: "%.4f", evaluation.ks)), Gini \(String(format: "%.4f", evaluation.gini))")
        try output.document(Report(auc: evaluation.auc, ks: evaluation.ks, gini: evaluation.gini, rows: evaluation.rows))
        return 0
    }
}
