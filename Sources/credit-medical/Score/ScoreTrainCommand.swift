import CreditMedicalCore
import CreditMedicalTraining
import Foundation

/// `credit-medical score train --data FILE.csv --target COLUMN [--out scorecard.json] [--exclude COL,…] [--id ID] [--version V] [--json]`
enum ScoreTrainCommand: Command {
    static let usage = CommandUsage(
        ["score", "train"], "--data FILE.csv --target COLUMN [--out scorecard.json] [--exclude COL,…] [--id ID] [--version V] [--json]", """
        Fits a points scorecard to a credit CSV (a header row, numeric and text columns, a 0/1
        target with 1 = bad): bins each column, measures WoE and information value, drops weak
        and correlated columns and those excluded by policy, fits a regularised logistic
        regression and scales it to points (600 at odds 50:1, 20 points to double the odds).
        Prints the features by information value and the training AUC and KS.
        """)

    /// What `--json` prints.
    struct Report: Encodable {
        struct Feature: Encodable {
            var name: String
            var informationValue: Double
            var bins: Int
            /// `nil` for a feature the scorecard does not use.
            var coefficient: Double?
        }

        var out: String
        var rows: Int
        var auc: Double
        var ks: Double
        var features: [Feature]
        var dropped: [String]
        var warnings: [String]
        var excluded: [String]
    }

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        let data = try ScoreFiles.required("--data", &arguments)
        let target = try ScoreFiles.required("--target", &arguments)
        let out = try arguments.value("--out") ?? "scorecard.json"
        var options = TrainingOptions()
        options.excluded = try arguments.value("--exclude").map { $0.split(separator: ",").map(String.init) } ?? []
        options.id = try arguments.value("--id") ?? options.id
        options.version = try arguments.value("--version") ?? options.version
        try arguments.finish()

        let table = try ScoreFiles.table(data)
        let result = try ScoreFiles.using { () throws(TrainingError) in try ScorecardTrainer(options: options).train(table, target: target) }
        try ScoreFiles.write(result.scorecard.json(), to: out)

        for warning in result.warnings { Output.standardError("warning: \(warning)") }
        output.say("trained scorecard \(result.scorecard.identity) on \(table.rowCount) rows; written to \(out)")
        output.say("  feature                          IV  bins  weight")
        for feature in result.features {
            let weight = feature.coefficient.map { String(format: "%7.3f", $0) } ?? "  (not used)"
            output.say("  \(feature.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%7.4f", feature.informationValue))"
                + "  \(String(format: "%4d", feature.binning.bins.count))  \(weight)")
        }
        for dropped in result.dropped { output.say("  dropped \(dropped)") }
        output.say("training AUC \(String(format: "%.4f", result.trainAUC)), KS \(String(format: "%.4f", result.trainKS))")
        try output.document(Report(
            out: out, rows: table.rowCount, auc: result.trainAUC, ks: result.trainKS,
            features: result.features.map {
                Report.Feature(name: $0.name, informationValue: $0.informationValue, bins: $0.binning.bins.count, coefficient: $0.coefficient)
            },
            dropped: result.dropped.map(\.description), warnings: result.warnings, excluded: result.scorecard.excluded))
        return 0
    }
}
