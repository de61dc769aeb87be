public import CreditMedicalCore
public import CreditMedicalHIS
import CreditMedicalTesting

/// One overdue job over many receivables on any store, the same every time: `count` visits (four
/// lines' worth of a line each) settled a day at a time over 150 days, then the Suzhou-style
/// ladder run on day 200 in small pages. Settling again is a replay, so a process killed
/// anywhere runs it again from the start and finishes what the first left.
public enum CollectionRun {
    static let start = Timestamp(millisecondsSince1970: 1_798_761_600_000)  // 2027-01-01
    /// When the job runs.
    public static let jobTime = start.adding(seconds: 200 * 86_400)

    /// Settles the visits (or replays them) and runs the job at ``jobTime``; returns its report.
    @discardableResult
    public static func run(on database: some CreditDatabase, count: Int, pageSize: Int = 50) async throws -> OverdueJob.Report {
        let clock = ManualClock(start)
        let ledger = Ledger(store: database.ledgerStore, clock: clock)
        let lines = (count + 3) / 4
        try await submit(ledger, (0..<lines).map {
            LedgerRequest(key: IdempotencyKey("open-\($0)"), command: .openLine(CreditLineID("L\($0)"), limit: Money(fen: 1_000_000)))
        })
        for day in 0..<150 {
            clock.set(start.adding(seconds: Int64(day) * 86_400))
            let visits = stride(from: day, to: count, by: 150).flatMap { visit -> [LedgerRequest] in
                let (hold, line, fen) = (HoldID("V\(visit)"), CreditLineID("L\(visit / 4)"), Money(fen: Int64(1_000 + visit % 7 * 1_000)))
                return [LedgerRequest(key: IdempotencyKey("V\(visit)/lock"), command: .placeHold(hold, line: line, amount: fen, expiresAt: nil)),
                        LedgerRequest(key: IdempotencyKey("V\(visit)/settle"), command: .captureHold(hold, amount: fen))]
            }
            try await submit(ledger, visits)
        }
        clock.set(jobTime)
        let book = ReceivableBook(ledger: ledger, store: database.receivableStore, ladder: .suzhouStyle, pageSize: 500)
        var job = OverdueJob(book: book, ladder: .suzhouStyle, notices: FakeNotificationSender(), bank: FakeCreditProvider())
        job.pageSize = pageSize
        return try await job.run()
    }

    private static func submit(_ ledger: Ledger, _ requests: [LedgerRequest]) async throws {
        for start in stride(from: 0, to: requests.count, by: LedgerLimits.maximumBatchSize) {
            for result in try await ledger.submit(Array(requests[start..<min(start + LedgerLimits.maximumBatchSize, requests.count)])) {
                _ = try result.get()
            }
        }
    }
}
