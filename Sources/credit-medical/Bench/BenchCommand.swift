import CreditMedicalCore
import CreditMedicalSQLite
import Foundation

/// `credit-medical bench ledger [--commands N] [--callers N] [--lines N] [--json]`
enum BenchCommand {
    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        guard arguments.subcommand() == "ledger" else { throw UsageError("bench needs a benchmark name: ledger") }
        let json = arguments.flag("--json")
        var benchmark = LedgerBenchmark(commands: 200_000, callers: 1_024, lines: 10_000)
        benchmark.commands = try arguments.positiveNumber("--commands") ?? benchmark.commands
        benchmark.callers = try arguments.positiveNumber("--callers") ?? benchmark.callers
        benchmark.lines = try arguments.positiveNumber("--lines") ?? benchmark.lines
        try arguments.finish()

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("credit-medical-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var durable = true
        let figures = try await benchmark.run { name in
            let store = try SQLiteLedgerStore(path: directory.appendingPathComponent("\(name).sqlite").path)
            let storeIsDurable = try store.commitsAreDurable()
            durable = durable && storeIsDurable
            return store
        }

        print("ledger benchmark on SQLite (WAL, every batch fsynced before it is answered: durable=\(durable)), \(benchmark.lines) lines, mix place/increase/capture/repay")
        print("  (a) one transaction per command: \(format(figures.naiveOpsPerSecond)) commands/s (\(figures.naiveCommands) commands)")
        print("  (b) group commit, \(benchmark.callers) callers:  \(format(figures.batchedOpsPerSecond)) commands/s (\(figures.batchedCommands) commands)")
        print("  (c) state machine alone:         \(format(figures.stateMachineOpsPerSecond)) commands/s (best of \(LedgerBenchmark.stateMachineRuns) runs)")
        print("  ratio b/a: \(String(format: "%.1f", figures.ratio))x")
        if json {
            print("{\"naive_ops_per_s\":\(Int(figures.naiveOpsPerSecond)),\"batched_ops_per_s\":\(Int(figures.batchedOpsPerSecond)),"
                + "\"ratio\":\(String(format: "%.2f", figures.ratio)),\"state_machine_ops_per_s\":\(Int(figures.stateMachineOpsPerSecond)),"
                + "\"durable\":\(durable)}")
        }
        return 0
    }

    private static func format(_ value: Double) -> String {
        String(Int(value.rounded())).reversed().enumerated().reduce(into: "") { text, pair in
            if pair.offset > 0 && pair.offset % 3 == 0 { text.append(",") }
            text.append(pair.element)
        }.reversed().map(String.init).joined()
    }
}
