import Foundation

/// `credit-medical bench collection [--receivables N] [--repayments N] [--json]`
enum CollectionBenchCommand: BenchCommand {
    static let usage = CommandUsage(["bench", "collection"], "[--receivables N] [--repayments N] [--json]", """
        Times the overdue job over N open receivables (default 1,000,000; most not yet due) in one
        run, a second run that finds nothing to do, and N repayments (default 20,000) in batches of 1,000, each
        against one item at a time in the same process; on durable SQLite in a temporary
        directory with an in-memory notification fake, removed when done or interrupted.
        """)

    /// What `--json` prints.
    struct Report: Encodable {
        var durable: Bool
        var overdueReceivables: Int
        var overdueExamined: Int
        var overdueS: Double
        var rerunS: Double
        var stepsTaken: Int
        var naiveReceivables: Int
        var naiveReceivablesPerS: Int
        var overdueRatio: Double
        var repayments: Int
        var repaymentsPerS: Int
        var naiveRepayments: Int
        var naiveRepaymentsPerS: Int
        var ratio: Double
    }

    static let defaults = CollectionBenchmark()
    static var sizes: KeyValuePairs<String, WritableKeyPath<CollectionBenchmark, Int>> {
        ["--receivables": \.receivables, "--repayments": \.repayments]
    }

    static func measure(_ benchmark: CollectionBenchmark, output: Output) async throws -> Report {
        let stores = try ScratchStores()
        let figures = try await benchmark.run(makeDatabase: stores.openSQLite)
        let perSecond = Double(figures.examined) / figures.overdueSeconds
        output.say("collection benchmark on \(stores.location)\(stores.durable ? "" : " (NOT durable)"), notices in memory")
        output.say("  (a) overdue job over \(Double(benchmark.receivables).grouped) open receivables in one run: "
            + "\(String(format: "%.2f", figures.overdueSeconds)) s; \(Double(figures.examined).grouped) had a step due "
            + "(\(perSecond.grouped)/s), \(Double(figures.stepsTaken).grouped) steps taken")
        output.say("  (b) the same job again, nothing to do: \(String(format: "%.3f", figures.rerunSeconds)) s")
        output.say("  (c) \(Double(figures.naiveReceivables).grouped) open receivables one per page: "
            + "\(figures.naiveReceivablesPerSecond.grouped) with a step due /s")
        output.say("  ratio a/c: \(text(ratio: figures.overdueRatio))")
        output.say("  (d) \(Double(benchmark.repayments).grouped) repayments in batches of \(CollectionBenchmark.batchSize): "
            + "\(figures.repaymentsPerSecond.grouped)/s")
        output.say("  (e) \(Double(figures.naiveRepayments).grouped) repayments one at a time: \(figures.naiveRepaymentsPerSecond.grouped)/s")
        output.say("  ratio d/e: \(text(ratio: figures.ratio))")
        return Report(
            durable: stores.durable, overdueReceivables: benchmark.receivables, overdueExamined: figures.examined,
            overdueS: rounded(figures.overdueSeconds, places: 3), rerunS: rounded(figures.rerunSeconds, places: 3), stepsTaken: figures.stepsTaken,
            naiveReceivables: figures.naiveReceivables, naiveReceivablesPerS: Int(figures.naiveReceivablesPerSecond),
            overdueRatio: rounded(figures.overdueRatio, places: 2), repayments: benchmark.repayments, repaymentsPerS: Int(figures.repaymentsPerSecond),
            naiveRepayments: figures.naiveRepayments, naiveRepaymentsPerS: Int(figures.naiveRepaymentsPerSecond),
            ratio: rounded(figures.ratio, places: 2))
    }
}
