import CreditMedicalCore
import CreditMedicalTraining
import Foundation

/// `credit-medical score report --scorecard F --data F --target COLUMN --out report.html`
enum ScoreReportCommand: Command {
    static let usage = CommandUsage(["score", "report"], "--scorecard FILE --data FILE.csv --target COLUMN --out report.html", """
        Writes a self-contained HTML page for a risk committee: the ROC curve, the KS chart, the
        score distribution of goods and bads, and every feature's bins with WoE and points.
        The charts are inline SVG; the page loads nothing and runs no script.
        """)

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let scorecard = try ScoreFiles.scorecard(&arguments)
        let data = try ScoreFiles.required("--data", &arguments)
        let target = try ScoreFiles.required("--target", &arguments)
        let out = try ScoreFiles.required("--out", &arguments)
        try arguments.finish()

        let table = try ScoreFiles.table(data)
        let page = try ScoreFiles.using { () throws(TrainingError) in try ScorecardReportPage(scorecard: scorecard, table: table, target: target) }
        try ScoreFiles.write(Data(page.html.utf8), to: out)
        print("report on \(scorecard.identity) over \(table.rowCount) rows written to \(out)")
        return 0
    }
}
