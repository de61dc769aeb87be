import Foundation

/// `credit-medical bench scoring [--rows N] [--json]`
enum ScoringBenchCommand: Command {
    static let usage = CommandUsage(["bench", "scoring"], "[--rows N] [--json]", """
        Times training a scorecard on N rows of made-up applicants (7 numeric, 13 categorical
        columns, default 100,000), measures the held-out AUC of one trained on a 70/30 split,
        and times scoring in batches against scoring one applicant at a time; best of five runs
        each, on one core.
        """)

    /// What `--json` prints.
    struct Report: Encodable {
        var batchPerS: Int
        var singlePerS: Int
        var ratio: Double
        var trainRows: Int
        var trainS: Double
        var auc: Double
    }

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        var benchmark = ScoringBenchmark()
        benchmark.rows = try arguments.positiveNumber("--rows") ?? benchmark.rows
        try arguments.finish()

        let figures = try benchmark.run()
        output.say("scoring benchmark on \(Double(benchmark.rows).grouped) synthetic applicants (seed \(benchmark.seed)), one core")
        output.say("  training on \(Double(figures.trainRows).grouped) rows: \(String(format: "%.3f", figures.trainSeconds)) s "
            + "(best of \(ScoringBenchmark.runs)); trained on 70 %: \(figures.features) features, held-out AUC \(String(format: "%.4f", figures.auc))")
        output.say("  (a) batch scoring: \(figures.batchPerSecond.grouped) applicants/s")
        output.say("  (b) one applicant at a time, with reasons: \(figures.singlePerSecond.grouped) applicants/s")
        output.say("  ratio a/b: \(String(format: "%.1f", figures.ratio))x")
        try output.document(Report(
            batchPerS: Int(figures.batchPerSecond), singlePerS: Int(figures.singlePerSecond), ratio: (figures.ratio * 100).rounded() / 100,
            trainRows: figures.trainRows, trainS: (figures.trainSeconds * 10_000).rounded() / 10_000, auc: (figures.auc * 10_000).rounded() / 10_000))
        return 0
    }
}
