/// Writes off unrecoverable receivables (坏账核销) under a ``WriteOffPolicy``: the ledger's
/// ``LedgerCommand/writeOff(_:amount:reason:)`` takes what the receivable owes off its line, under
/// the key `writeoff/HOLD`, so the written-off money still balances in the journal; then a
/// ``WriteOffRecord`` says who bears it (the credit insurer's claim, the fiscal subsidy, the
/// bank). Repeating a write-off changes nothing and answers with the first record.
public struct BadDebtWriteOff: Sendable {
    public let book: ReceivableBook
    public let policy: WriteOffPolicy

    public init(book: ReceivableBook, policy: WriteOffPolicy) {
        self.book = book
        self.policy = policy
    }

    /// Writes off each receivable, at the ledger clock's time. Refused, with nothing changed: a
    /// hold without a receivable (`ReceivableError.Code.notFound`), one not far enough past due
    /// (`ReceivableError.Code.notYetBadDebt`), one that owes nothing
    /// (`ReceivableError.Code.nothingOwed`).
    public func writeOff(_ holds: [HoldID]) async throws -> [Result<WriteOffRecord, ReceivableError>] {
        try book.catchUp()
        let now = book.ledger.clock.now()
        let receivables = Dictionary(try book.store.receivables(of: Set(holds)).map { ($0.hold, $0) }, uniquingKeysWith: { first, _ in first })
        var results = [Result<WriteOffRecord, ReceivableError>?](repeating: nil, count: holds.count)
        var requests: [(index: Int, receivable: Receivable, request: LedgerRequest)] = []
        for (index, hold) in holds.enumerated() {
            guard let receivable = receivables[hold] else {
                results[index] = .failure(ReceivableError(.notFound, details: "hold \(hold)"))
                continue
            }
            let key = Self.key(hold)
            if let earlier = try book.ledger.entry(for: key) {
                requests.append((index, receivable, LedgerRequest(key: key, command: earlier.command)))  // answered as the first time
                continue
            }
            guard receivable.owed.isPositive else {
                results[index] = .failure(ReceivableError(.nothingOwed, details: "hold \(hold)"))
                continue
            }
            let days = receivable.daysPastDue(at: now)
            guard days >= policy.daysPastDue else {
                results[index] = .failure(ReceivableError(.notYetBadDebt, context: ["days_past_due": "\(days)", "required": "\(policy.daysPastDue)"],
                                                          details: "hold \(hold)"))
                continue
            }
            let reason = "bad debt: \(days) days past due, policy \(policy.id)@\(policy.version)"
            requests.append((index, receivable, LedgerRequest(key: key, command: .writeOff(hold, amount: receivable.owed, reason: reason))))
        }
        var records: [WriteOffRecord] = []
        for chunk in stride(from: 0, to: requests.count, by: LedgerLimits.maximumBatchSize).map({ requests[$0..<min($0 + LedgerLimits.maximumBatchSize, requests.count)] }) {
            let applied = try await book.ledger.submit(chunk.map(\.request))
            for (item, result) in zip(chunk, applied) {
                switch result {
                case .success(let receipt):
                    let record = try WriteOffRecord(item.receivable, amount: Money(fen: -receipt.entry.outstandingDelta.fen), policy: policy,
                                                    at: receipt.entry.timestamp)
                    records.append(record)
                    results[item.index] = .success(record)
                case .failure(let error):
                    results[item.index] = .failure(ReceivableBook.refusal(error, line: item.receivable.line, amount: item.receivable.owed))
                }
            }
        }
        try book.store.recordWriteOffs(records)
        try book.catchUp()
        return results.map { $0! }
    }

    /// The holds whose write-off record disagrees with the journal: no write-off under its key,
    /// another amount, or parts that do not add up to it. Empty when the records and the ledger
    /// agree; an auditor's check that reads every record.
    public func recordsOutOfStep() throws -> [HoldID] {
        var wrong: [HoldID] = []
        var after: Int64 = 0
        while true {
            let page = try book.store.writeOffs(after: after, limit: 1_000)
            for record in page.records {
                let entry = try book.ledger.entry(for: Self.key(record.hold))
                let parts = record.insuranceClaim.fen.addingReportingOverflow(record.subsidy.fen)
                let agrees = if case .writeOff(record.hold, _, _)? = entry?.command { -(entry?.outstandingDelta.fen ?? 0) == record.amount.fen } else { false }
                if !agrees || parts.overflow || parts.partialValue + record.bankLoss.fen != record.amount.fen || record.bankLoss.fen < 0 {
                    wrong.append(record.hold)
                }
            }
            guard let last = page.last else { return wrong }
            after = last
        }
    }

    /// The ledger key of writing off `hold`'s receivable.
    static func key(_ hold: HoldID) -> IdempotencyKey { IdempotencyKey("writeoff/\(hold.rawValue)") }
}
