import Foundation

/// `credit-medical bench billing [--checkouts N] [--callers N] [--json]`
enum BillingBenchCommand: BenchCommand {
    static let usage = CommandUsage(["bench", "billing"], "[--checkouts N] [--callers N] [--json]", """
        Measures a 20,000-item inpatient stay's settlement and outpatient checkouts with
        the fake insurers and bank, on durable SQLite in a temporary directory, removed
        when done or interrupted.
        """)

    /// What `--json` prints.
    struct Report: Encodable {
        var durable: Bool
        var inpatientItems: Int
        var inpatientSettleS: Double
        var inpatientChargeS: Double
        var checkouts: Int
        var callers: Int
        var outpatientCheckoutsPerS: Int
        var naiveCheckouts: Int
        var naiveCheckoutsPerS: Int
        var ratio: Double
    }

    static let defaults = BillingBenchmark()
    static var sizes: KeyValuePairs<String, WritableKeyPath<BillingBenchmark, Int>> { ["--checkouts": \.checkouts, "--callers": \.callers] }

    static func measure(_ benchmark: BillingBenchmark, output: Output) async throws -> Report {
        let stores = try ScratchStores()
        let figures = try await benchmark.run(makeDatabase: stores.openSQLite)
        let report = Report(
            durable: stores.durable, inpatientItems: benchmark.inpatientItems,
            inpatientSettleS: rounded(figures.inpatientSettleSeconds, places: 4),
            inpatientChargeS: rounded(figures.inpatientChargeSeconds, places: 4), checkouts: benchmark.checkouts,
            callers: benchmark.callers, outpatientCheckoutsPerS: Int(figures.outpatient.checkoutsPerSecond),
            naiveCheckouts: figures.naiveCheckouts, naiveCheckoutsPerS: Int(figures.naive.checkoutsPerSecond),
            ratio: rounded(figures.ratio, places: 2))

        output.say("billing benchmark on SQLite (WAL, durable=\(report.durable)) with the fake insurers, bank and notifications")
        output.say("  (a) inpatient stay, \(benchmark.stayDays) days, \(Double(benchmark.inpatientItems).grouped) items: "
            + "daily bills, fee notice, close the days and settle in \(String(format: "%.3f", figures.inpatientSettleSeconds)) s "
            + "(charging them took \(String(format: "%.3f", figures.inpatientChargeSeconds)) s)")
        output.say("  (b) outpatient checkouts (医保, 商保, capture, advance, fee notice), \(BillingBenchmark.itemsPerVisit) items each, "
            + "\(benchmark.callers) callers, group commit: \(figures.outpatient.checkoutsPerSecond.grouped)/s "
            + "(\(Double(benchmark.checkouts).grouped) checkouts; opening and charging the visits before: "
            + "\(figures.outpatient.visitSetUpsPerSecond.grouped)/s)")
        output.say("      one at a time, every write its own transaction: \(figures.naive.checkoutsPerSecond.grouped)/s "
            + "(\(figures.naiveCheckouts) checkouts; opening and charging: \(figures.naive.visitSetUpsPerSecond.grouped)/s)")
        output.say("  ratio: \(text(ratio: figures.ratio))")
        return report
    }
}
