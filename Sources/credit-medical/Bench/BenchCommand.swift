import CreditMedicalCore
import CreditMedicalPostgres
import CreditMedicalSQLite
import Foundation

/// `credit-medical bench ledger [--commands N] [--callers N] [--lines N] [--json]` and
/// `credit-medical bench billing [--checkouts N] [--callers N] [--json]`
enum BenchCommand {
    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        switch arguments.subcommand() {
        case "ledger": return try await ledger(arguments)
        case "billing": return try await billing(arguments)
        default: throw UsageError("bench needs a benchmark name: ledger or billing")
        }
    }

    private static func ledger(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let json = arguments.flag("--json")
        var benchmark = LedgerBenchmark(commands: 200_000, callers: 1_024, lines: 10_000)
        benchmark.commands = try arguments.positiveNumber("--commands") ?? benchmark.commands
        benchmark.callers = try arguments.positiveNumber("--callers") ?? benchmark.callers
        benchmark.lines = try arguments.positiveNumber("--lines") ?? benchmark.lines
        let database = try arguments.value("--database")
        try arguments.finish()
        if let database, !PostgresDatabases.isURL(database) {
            throw UsageError("bench ledger --database takes a PostgreSQL URL (postgres://…); SQLite runs in a temporary directory")
        }

        let stores = try ScratchStores(postgres: database)
        let figures = try await benchmark.run(makeStore: stores.openLedger)
        let durable = stores.durable

        print("ledger benchmark on \(stores.location) (every batch durable before it is answered: durable=\(durable)), \(benchmark.lines) lines, mix place/increase/capture/repay")
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

    private static func billing(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let json = arguments.flag("--json")
        var benchmark = BillingBenchmark()
        benchmark.checkouts = try arguments.positiveNumber("--checkouts") ?? benchmark.checkouts
        benchmark.callers = try arguments.positiveNumber("--callers") ?? benchmark.callers
        try arguments.finish()

        let stores = try ScratchStores()
        let figures = try await benchmark.run(makeStore: stores.openSQLite)
        let durable = stores.durable
        print("billing benchmark on SQLite (WAL, durable=\(durable)) with the fake insurers, bank and notifications")
        print("  (a) inpatient stay, \(benchmark.stayDays) days, \(format(Double(benchmark.inpatientItems))) items: "
            + "daily bills, fee notice, close the days and settle in \(String(format: "%.3f", figures.inpatientSettleSeconds)) s "
            + "(charging them took \(String(format: "%.3f", figures.inpatientChargeSeconds)) s)")
        print("  (b) outpatient checkouts (医保, 商保, capture, advance, fee notice), \(BillingBenchmark.itemsPerVisit) items each, "
            + "\(benchmark.callers) callers, group commit: \(format(figures.outpatient.checkoutsPerSecond))/s "
            + "(\(format(Double(benchmark.checkouts))) checkouts; opening and charging the visits before: "
            + "\(format(figures.outpatient.visitSetUpsPerSecond))/s)")
        print("      one at a time, every write its own transaction: \(format(figures.naive.checkoutsPerSecond))/s "
            + "(\(figures.naiveCheckouts) checkouts; opening and charging: \(format(figures.naive.visitSetUpsPerSecond))/s)")
        print("  ratio: \(String(format: "%.1f", figures.ratio))x")
        if json {
            print("{\"inpatient_items\":\(benchmark.inpatientItems),\"inpatient_settle_s\":\(String(format: "%.4f", figures.inpatientSettleSeconds)),"
                + "\"outpatient_checkouts_per_s\":\(Int(figures.outpatient.checkoutsPerSecond)),"
                + "\"naive_checkouts_per_s\":\(Int(figures.naive.checkoutsPerSecond)),\"ratio\":\(String(format: "%.2f", figures.ratio)),"
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
