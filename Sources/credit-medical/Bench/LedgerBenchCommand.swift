import CreditMedicalCore
import Foundation

/// `credit-medical bench ledger [--commands N] [--callers N] [--lines N] [--database postgres://URL] [--json]`
enum LedgerBenchCommand: BenchCommand {
    static let usage = CommandUsage(
        ["bench", "ledger"], "[--commands N] [--callers N] [--lines N] [--database postgres://URL] [--json]", """
        Measures one transaction per command, group commit with concurrent callers and
        the state machine alone, on durable SQLite in a temporary directory, or in scratch
        databases on the PostgreSQL server of the URL; removes them when done or interrupted.
        """)

    /// What `--json` prints.
    struct Report: Encodable {
        var store: String
        var durable: Bool
        var commands: Int
        var callers: Int
        var lines: Int
        var naiveCommands: Int
        var naiveOpsPerS: Int
        var batchedOpsPerS: Int
        var stateMachineOpsPerS: Int
        var ratio: Double
    }

    static let defaults = LedgerBenchmark()
    static var sizes: KeyValuePairs<String, WritableKeyPath<LedgerBenchmark, Int>> {
        ["--commands": \.commands, "--callers": \.callers, "--lines": \.lines]
    }

    static func takeOptions(_ arguments: inout Arguments, into benchmark: inout LedgerBenchmark) throws(UsageError) {
        benchmark.postgres = try arguments.value("--database")
    }

    static func measure(_ benchmark: LedgerBenchmark, output: Output) async throws -> Report {
        if let database = benchmark.postgres, !DatabaseOption(database).isURL {
            throw UsageError("bench ledger --database takes a PostgreSQL URL (postgres://…); SQLite runs in a temporary directory")
        }
        let stores = try ScratchStores(postgres: benchmark.postgres)
        let figures = try await benchmark.run(makeStore: stores.openLedger)
        let report = Report(
            store: stores.location, durable: stores.durable, commands: benchmark.commands, callers: benchmark.callers, lines: benchmark.lines,
            naiveCommands: figures.naiveCommands, naiveOpsPerS: Int(figures.naiveOpsPerSecond), batchedOpsPerS: Int(figures.batchedOpsPerSecond),
            stateMachineOpsPerS: Int(figures.stateMachineOpsPerSecond), ratio: rounded(figures.ratio, places: 2))

        output.say("ledger benchmark on \(report.store) (every batch durable before it is answered: durable=\(report.durable)), "
            + "\(benchmark.lines) lines, mix place/increase/capture/repay")
        output.say("  (a) one transaction per command: \(figures.naiveOpsPerSecond.grouped) commands/s (\(figures.naiveCommands) commands)")
        output.say("  (b) group commit, \(benchmark.callers) callers:  \(figures.batchedOpsPerSecond.grouped) commands/s "
            + "(\(figures.batchedCommands) commands)")
        output.say("  (c) state machine alone:         \(figures.stateMachineOpsPerSecond.grouped) commands/s "
            + "(best of \(LedgerBenchmark.stateMachineRuns) runs)")
        output.say("  ratio b/a: \(text(ratio: figures.ratio))")
        return report
    }
}
