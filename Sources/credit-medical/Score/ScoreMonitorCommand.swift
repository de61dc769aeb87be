import CreditMedicalCore
import CreditMedicalTraining
import Foundation

/// `credit-medical score monitor --scorecard F --baseline F --current F [--json]`
enum ScoreMonitorCommand: Command {
    static let usage = CommandUsage(["score", "monitor"], "--scorecard FILE --baseline FILE.csv --current FILE.csv [--json]", """
        Measures how far the current population has moved from the baseline (such as the
        training data): the population stability index of the score and of each feature's
        bins, with a verdict (below 0.10 stable, 0.10 to 0.25 watch, above 0.25 act).
        """)

    /// What `--json` prints.
    struct Report: Encodable {
        struct Stability: Encodable {
            var name: String
            var psi: Double
            var verdict: String
        }

        var score: Stability
        var features: [Stability]
    }

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        let scorecard = try ScoreFiles.scorecard(&arguments)
        let baselinePath = try ScoreFiles.required("--baseline", &arguments)
        let currentPath = try ScoreFiles.required("--current", &arguments)
        try arguments.finish()

        let (baseline, current) = (try ScoreFiles.table(baselinePath), try ScoreFiles.table(currentPath))
        let report = try ScoreFiles.using { () throws(TrainingError) in
            try ScorecardMonitor(scorecard: scorecard).compare(baseline: baseline, current: current)
        }
        let stabilities = [Report.Stability(name: "score", psi: report.score.psi, verdict: report.score.verdict.rawValue)]
            + report.features.map { Report.Stability(name: $0.name, psi: $0.stability.psi, verdict: $0.stability.verdict.rawValue) }
        output.say("population stability of \(scorecard.identity), \(baseline.rowCount) baseline rows, \(current.rowCount) current rows:")
        for stability in stabilities {
            output.say("  \(stability.name.padding(toLength: 28, withPad: " ", startingAt: 0)) PSI \(String(format: "%.4f", stability.psi))"
                + "  \(stability.verdict)")
        }
        try output.document(Report(score: stabilities[0], features: Array(stabilities.dropFirst())))
        return 0
    }
}
