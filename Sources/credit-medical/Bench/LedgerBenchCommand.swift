import CreditMedicalCore
import Foundation

/// `credit-medical bench ledger [--commands N] [--callers N] [--lines N] [--database postgres://URL] [--json]`
enum LedgerBenchCommand: Command {
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

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        var benchmark = LedgerBenchmark(commands: 200_000, callers: 1_024, lines: 10_000)
        benchmark.commands = try arguments.positiveNumber("--commands") ?? benchmark.commands
        benchmark.callers = try arguments.positiveNumber("--callers") ?? benchmark.callers
        benchmark.lines = try arguments.positiveNumber("--lines") ?? benchmark.lines
        let database = try arguments.value("--database")
        try arguments.finish()
        if let database, !DatabaseOption(database).isURL {
            throw UsageError("bench ledger --database takes a PostgreSQL URL (postgres://…); SQLite runs in a temporary directory")
        }

        let stores = try ScratchStores(postgres: database)
        let figures = try await benchmark.run(makeStore: stores.openLedger)
        let report = Report(
            store: stores.location, durable: stores.durable, commands: benchmark.commands, callers: benchmark.callers, lines: benchmark.lines,
            naiveCommands: figures.naiveCommands, naiveOpsPerS: Int(figures.naiveOpsPerSecond), batchedOpsPerS: Int(figures.batchedOpsPerSecond),
            stateMachineOpsPerS: Int(figures.stateMachineOpsPerSecond), ratio: (figures.ratio * 100).rounded() / 100)

        output.say("ledger benchmark on \(report.store) (every batch durable before it is answered: durable=\(report.durable)), "
            + "\(benchmark.lines) lines, mix place/increase/capture/repay")
        output.say("  (a) one transaction per command: \(figures.naiveOpsPerSecond.grouped) commands/s (\(figures.naiveCommands) commands)")
        output.say("  (b) group commit, \(benchmark.callers) callers:  \(figures.batchedOpsPerSecond.grouped) commands/s "
            + "(\(figures.batchedCommands) commands)")
        output.say("  (c) state machine alone:         \(figures.stateMachineOpsPerSecond.grouped) commands/s "
            + "(best of \(LedgerBenchmark.stateMachineRuns) runs)")
        output.say("  ratio b/a: \(String(format: "%.1f", figures.ratio))x")
        try output.document(report)
        return 0
    }
}
