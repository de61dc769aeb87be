import CreditMedicalCore
import CreditMedicalSQLite
import Foundation

/// `credit-medical bench ledger [--commands N] [--callers N] [--lines N] [--json]`
enum BenchCommand {
    static let usage = "usage: credit-medical bench ledger [--commands N] [--callers N] [--lines N] [--json]"

    static func run(_ arguments: [String]) async throws -> Int32 {
        guard arguments.first == "ledger" else {
            print(usage)
            return 2
        }
        var options = Array(arguments.dropFirst())
        let json = options.contains("--json")
        options.removeAll { $0 == "--json" }
        var benchmark = LedgerBenchmark(commands: 200_000, callers: 512, lines: 10_000)
        while !options.isEmpty {
            let name = options.removeFirst()
            guard let text = options.first, let value = Int(text), value > 0 else {
                print("\(name) needs a positive whole number\n\(usage)")
                return 2
            }
            options.removeFirst()
            switch name {
            case "--commands": benchmark.commands = value
            case "--callers": benchmark.callers = value
            case "--lines": benchmark.lines = value
            default:
                print("unknown option \(name)\n\(usage)")
                return 2
            }
        }

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

        print("ledger benchmark on SQLite (WAL, synchronous=FULL: durable=\(durable)), \(benchmark.lines) lines, mix place/increase/capture/repay")
        print("  (a) one transaction per command: \(format(figures.naiveOpsPerSecond)) commands/s (\(figures.naiveCommands) commands)")
        print("  (b) group commit, \(benchmark.callers) callers:  \(format(figures.batchedOpsPerSecond)) commands/s (\(figures.batchedCommands) commands)")
        print("  (c) state machine alone:         \(format(figures.stateMachineOpsPerSecond)) commands/s")
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
