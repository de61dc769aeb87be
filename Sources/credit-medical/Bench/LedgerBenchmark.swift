import CreditMedicalCore

/// Measures the three ways commands reach the ledger, in one run on the same store settings:
/// one transaction per command, group commit with concurrent callers, and the state machine alone.
struct LedgerBenchmark {
    /// Commands for the batched path and the state machine.
    var commands = 200_000
    /// Concurrent callers on the batched path; each submits one visit (four commands) at a time.
    var callers = 1_024
    /// Lines the visits are spread over.
    var lines = 10_000
    /// The PostgreSQL server (a URL) on whose scratch databases the durable paths run; without
    /// one, SQLite files in a temporary directory.
    var postgres: String?

    struct Figures {
        var naiveOpsPerSecond: Double
        var batchedOpsPerSecond: Double
        var stateMachineOpsPerSecond: Double
        var naiveCommands: Int
        var batchedCommands: Int
        var ratio: Double { batchedOpsPerSecond / naiveOpsPerSecond }
    }

    /// Runs all three measurements; `makeStore` gives a fresh store for each durable path.
    func run(makeStore: (String) throws -> any LedgerStore) async throws -> Figures {
        let naiveCommands = max(LedgerWorkload.commandsPerVisit * 50, commands / 100)
        let naive = try await measureLedger(store: makeStore("naive"), commands: naiveCommands, callers: 1)
        let batched = try await measureLedger(store: makeStore("batched"), commands: commands, callers: callers)
        let stateMachine = try measureStateMachine()
        return Figures(naiveOpsPerSecond: naive, batchedOpsPerSecond: batched, stateMachineOpsPerSecond: stateMachine,
                       naiveCommands: naiveCommands, batchedCommands: commands)
    }

    /// Commands per second through a `Ledger` with `callers` concurrent callers. With one caller
    /// every command is its own submission, so its own transaction and fsync.
    private func measureLedger(store: any LedgerStore, commands: Int, callers: Int) async throws -> Double {
        let workload = LedgerWorkload(lineCount: lines, prefix: "")
        let ledger = Ledger(store: store)
        for chunk in workload.openingRequests().chunked(LedgerLimits.maximumBatchSize) {
            try requireApplied(try await ledger.submit(Array(chunk)))
        }
        let visits = commands / LedgerWorkload.commandsPerVisit
        let start = ContinuousClock.now
        try await concurrently(callers: callers, count: visits) { index in
            let visit = workload.visit(index)
            if callers == 1 {
                for request in visit { try requireApplied(try await ledger.submit([request])) }
            } else {
                try requireApplied(try await ledger.submit(visit))
            }
        }
        return Double(visits * LedgerWorkload.commandsPerVisit) / (ContinuousClock.now - start).seconds
    }

    /// How often the state machine alone is measured; the best run is reported.
    static let stateMachineRuns = 3

    /// Commands per second of ``LedgerStateMachine`` alone, on an in-memory state, in batches of
    /// the ledger's maximum size, with each batch's replay records cleared as a store would. The
    /// best of ``stateMachineRuns`` fresh runs: the work is pure computation, so the fastest run is
    /// the one least disturbed by the rest of the machine.
    private func measureStateMachine() throws -> Double {
        let workload = LedgerWorkload(lineCount: lines, prefix: "")
        let origin = Timestamp(millisecondsSince1970: 1_800_000_000_000)
        let visits = commands / LedgerWorkload.commandsPerVisit
        let batches = (0..<visits).chunked(LedgerLimits.maximumBatchSize / LedgerWorkload.commandsPerVisit).map { range in
            range.flatMap(workload.visit)
        }
        var best = 0.0
        for _ in 0..<Self.stateMachineRuns {
            var state = LedgerState()
            try requireApplied(LedgerStateMachine.apply(workload.openingRequests(), to: &state, at: origin))
            let start = ContinuousClock.now
            for batch in batches {
                state.forgetEntries()
                try requireApplied(LedgerStateMachine.apply(batch, to: &state, at: origin))
            }
            best = max(best, Double(visits * LedgerWorkload.commandsPerVisit) / (ContinuousClock.now - start).seconds)
        }
        return best
    }
}

/// Fails the benchmark when a command of its mix was rejected: the figures would be meaningless.
private func requireApplied(_ results: [LedgerResult]) throws {
    if let index = results.firstIndex(where: { if case .failure = $0 { true } else { false } }) {
        _ = try results[index].get()
    }
}

extension Collection {
    /// The collection cut into consecutive pieces of at most `size` elements.
    func chunked(_ size: Int) -> [SubSequence] {
        stride(from: 0, to: count, by: size).map { offset in
            let start = index(startIndex, offsetBy: offset)
            return self[start..<(index(start, offsetBy: size, limitedBy: endIndex) ?? endIndex)]
        }
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
