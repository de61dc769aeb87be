extension Ledger {
    /// Applies the repayments the bank received (还款) to the lines, each once (its idempotency
    /// key is `repayment:` and the bank's id), and acknowledges them to the bank: repaying
    /// restores what the line has available in the same commit. Returns one result per repayment;
    /// a rejected one (for instance more than is outstanding) is acknowledged too, and its result
    /// says why, for the bank's reconciliation.
    ///
    /// Run it every few minutes (see "Running it in production"); a late run only delays when a
    /// repaid line is whole again, and running it twice changes nothing more.
    @discardableResult
    public func collectRepayments(from bank: any CreditProviderAdapter, limit: Int = LedgerLimits.maximumBatchSize)
        async throws -> [(RepaymentNotice, LedgerResult)]
    {
        let notices = try await bank.pendingRepayments(limit: min(limit, LedgerLimits.maximumBatchSize))
        guard !notices.isEmpty else { return [] }
        let results = try await submit(notices.map {
            LedgerRequest(key: IdempotencyKey("repayment:\($0.id)"), command: .repay($0.line, amount: $0.amount))
        })
        try await bank.acknowledgeRepayments(notices.map(\.id))
        return Array(zip(notices, results))
    }
}
