import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTesting

/// Measures (a) the overdue job over many open receivables in one run, then (b) a second run at
/// the same time, which has nothing to do, against (c) the job one receivable per run; and (d)
/// repayments in batches against (e) one repayment per call, each paying its receivable and
/// bringing the book up to date. Stores on SQLite; notices into an in-memory fake.
struct CollectionBenchmark {
    var receivables = 1_000_000
    var repayments = 20_000
    /// Repayments per `repay` call on the batched path.
    static let batchSize = 1_000
    /// Receivables per line.
    static let perLine = 4
    var seed: UInt64 = 42

    struct Figures {
        var overdueSeconds: Double
        var rerunSeconds: Double
        var stepsTaken: Int
        var naiveReceivables: Int
        var naiveReceivablesPerSecond: Double
        var repaymentsPerSecond: Double
        var naiveRepayments: Int
        var naiveRepaymentsPerSecond: Double
        /// Receivables the first run looked at: those with a step due.
        var examined: Int
        /// Receivables looked at per second in one run, against one per page.
        var overdueRatio: Double { Double(examined) / overdueSeconds / naiveReceivablesPerSecond }
        var ratio: Double { repaymentsPerSecond / naiveRepaymentsPerSecond }
    }

    private static let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)
    private static let ladder = CollectionLadder.suzhouStyle
    private static let day: Int64 = 86_400

    func run(makeDatabase: (String) throws -> SQLiteDatabase) async throws -> Figures {
        let naiveReceivables = max(1_000, min(receivables / 200, 5_000))
        let naive = try await measureOverdue(in: makeDatabase("naive-overdue"), count: naiveReceivables, pageSize: 1)
        let batched = try await measureOverdue(in: makeDatabase("overdue"), count: receivables, pageSize: 10_000)
        let naiveRepayments = max(200, repayments / 40)
        let naiveRepaying = try await measureRepayments(in: makeDatabase("naive-repayment"), count: naiveRepayments, batchSize: 1)
        let repaying = try await measureRepayments(in: makeDatabase("repayment"), count: repayments, batchSize: Self.batchSize)
        return Figures(overdueSeconds: batched.first, rerunSeconds: batched.rerun, stepsTaken: batched.steps, naiveReceivables: naiveReceivables,
                       naiveReceivablesPerSecond: Double(naive.examined) / naive.first, repaymentsPerSecond: Double(repayments) / repaying,
                       naiveRepayments: naiveRepayments, naiveRepaymentsPerSecond: Double(naiveRepayments) / naiveRepaying, examined: batched.examined)
    }

    /// Seconds for the overdue job over `count` open receivables (`perLine` per line), settled over
    /// the last 150 days: most not yet due, some overdue by days, a few by months. Then the
    /// seconds of a second run at the same time, how many steps the first took and how many
    /// receivables it looked at (those with a step due).
    private func measureOverdue(in database: SQLiteDatabase, count: Int, pageSize: Int)
        async throws -> (first: Double, rerun: Double, steps: Int, examined: Int)
    {
        let clock = ManualClock(Self.start)
        let ledger = Ledger(store: database.ledgerStore, clock: clock)
        let lines = (count + Self.perLine - 1) / Self.perLine
        try await ledger.openLines(lines, limit: Money(fen: 2_000_000))
        let store = database.receivableStore
        let position = Int64(lines)  // one journal entry per line opened
        clock.advance(seconds: 200 * Self.day)
        var generator = SplitMix64(seed: seed)
        var from: Int64 = 0
        for first in stride(from: 0, to: count, by: 10_000) {
            let chunk = (first..<min(first + 10_000, count)).map { index -> Receivable in
                let draw = generator.next() % 1_000
                // 80 % not due yet, 12 % up to a week late, 5 % up to a month, 2 % up to three, 1 % longer.
                let daysAgo: Int64 = switch draw {
                case 0..<800: Int64(generator.next() % 26)
                case 800..<920: 30 + Int64(generator.next() % 8)
                case 920..<970: 38 + Int64(generator.next() % 22)
                case 970..<990: 60 + Int64(generator.next() % 60)
                default: 120 + Int64(generator.next() % 30)
                }
                let captured = clock.now().adding(seconds: -daysAgo * Self.day)
                let (due, grace) = (captured.adding(seconds: 30 * Self.day), captured.adding(seconds: 33 * Self.day))
                // As the book folds a capture: first up for review at the ladder's first step.
                let firstReview = due.adding(seconds: Int64(Self.ladder.steps[0].day) * Self.day)
                return Receivable(hold: HoldID("H\(index)"), line: CreditLineID("L\(index / Self.perLine)"), capturedAt: captured, dueAt: due,
                                  graceEndsAt: grace, principal: Money(fen: 1_000 + Int64(generator.next() % 100_000)),
                                  collection: CollectionProgress(reviewAt: firstReview))
            }
            try store.advance(from: from, to: position, saving: chunk)
            from = position
        }
        var job = OverdueJob(book: ReceivableBook(ledger: ledger, store: store, ladder: Self.ladder), ladder: Self.ladder,
                             notices: FakeNotificationSender(), bank: FakeCreditProvider())
        job.pageSize = pageSize
        // A page of one: a ledger batch and a store write for each receivable on its own.
        var started = ContinuousClock.now
        let report = try await job.run()
        let seconds = (ContinuousClock.now - started).seconds
        let steps = report.taken.values.reduce(0, +)
        guard report.failed.isEmpty, report.examined > 0, steps > 0 else {
            throw Self.failure("overdue", "examined \(report.examined) of \(count), \(steps) steps, failed \(report.failed.values.first ?? "none")")
        }
        started = ContinuousClock.now
        let rerun = try await job.run()
        let rerunSeconds = (ContinuousClock.now - started).seconds
        guard rerun.examined == 0 else { throw Self.failure("rerun", "examined \(rerun.examined)") }
        return (seconds, rerunSeconds, steps, report.examined)
    }

    /// Seconds to apply `count` repayments, `batchSize` per call, each paying off one receivable
    /// of its own line, with the book brought up to date after each call.
    private func measureRepayments(in database: SQLiteDatabase, count: Int, batchSize: Int) async throws -> Double {
        let clock = ManualClock(Self.start)
        let ledger = Ledger(store: database.ledgerStore, clock: clock)
        for first in stride(from: 0, to: count, by: LedgerLimits.maximumBatchSize / 3) {
            let requests = (first..<min(first + LedgerLimits.maximumBatchSize / 3, count)).flatMap { index -> [LedgerRequest] in
                let (line, hold) = (CreditLineID("L\(index)"), HoldID("V\(index)"))
                return [LedgerRequest(key: IdempotencyKey("open-\(index)"), command: .openLine(line, limit: Money(fen: 1_000_000))),
                        LedgerRequest(key: IdempotencyKey("lock-\(index)"), command: .placeHold(hold, line: line, amount: Money(fen: 50_000), expiresAt: nil)),
                        LedgerRequest(key: IdempotencyKey("settle-\(index)"), command: .captureHold(hold, amount: Money(fen: 50_000)))]
            }
            for result in try await ledger.submit(requests) { _ = try result.get() }
        }
        let book = ReceivableBook(ledger: ledger, store: database.receivableStore)
        try book.catchUp()
        let requests = (0..<count).map {
            RepaymentRequest(reference: "R\($0)", line: CreditLineID("L\($0)"), amount: Money(fen: 50_000), channel: .internetHospital)
        }
        let started = ContinuousClock.now
        for first in stride(from: 0, to: count, by: batchSize) {
            for result in try await book.repay(Array(requests[first..<min(first + batchSize, count)])) { _ = try result.get() }
        }
        let seconds = (ContinuousClock.now - started).seconds
        guard try book.statement(of: "L0").first?.owed == .zero else { throw Self.failure("repayment", "L0 still owes") }
        return seconds
    }

    private static func failure(_ phase: String, _ details: String) -> ToolError {
        ToolError(.benchmarkFailed, context: ["phase": phase], details: details)
    }
}
