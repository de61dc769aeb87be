import Foundation

/// `credit-medical bench scoring [--rows N] [--json]`
enum ScoringBenchCommand: BenchCommand {
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

    static let defaults = ScoringBenchmark()
    static var sizes: KeyValuePairs<String, WritableKeyPath<ScoringBenchmark, Int>> { ["--rows": \.rows] }

    static func measure(_ benchmark: ScoringBenchmark, output: Output) throws -> Report {
        let figures = try benchmark.run()
        output.say("scoring benchmark on \(Double(benchmark.rows).grouped) synthetic applicants (seed \(benchmark.seed)), one core")
        output.say("  training on \(Double(figures.trainRows).grouped) rows: \(String(format: "%.3f", figures.trainSeconds)) s "
            + "(best of \(ScoringBenchmark.runs)); trained on 70 %: \(figures.features) features, held-out AUC \(String(format: "%.4f", figures.auc))")
        output.say("  (a) batch scoring: \(figures.batchPerSecond.grouped) applicants/s")
        output.say("  (b) one applicant at a time, with reasons: \(figures.singlePerSecond.grouped) applicants/s")
        output.say("  ratio a/b: \(text(ratio: figures.ratio))")
        return Report(
            batchPerS: Int(figures.batchPerSecond), singlePerS: Int(figures.singlePerSecond), ratio: rounded(figures.ratio, places: 2),
            trainRows: figures.trainRows, trainS: rounded(figures.trainSeconds, places: 4), auc: rounded(figures.auc, places: 4))
    }
}
