extension ReceivableBook {
    /// Applies repayments from the hospital window, the internet hospital, a family agent or the
    /// bank's app, in one ledger batch: each restores what its line has available in the ledger's
    /// commit, and pays the line's receivables oldest first. Repeating a repayment (same channel
    /// and reference) changes nothing and answers as the first time.
    ///
    /// Each repayment is answered on its own: a malformed one, one for a line that does not exist
    /// and one for more than the line owes (`ReceivableError.Code.overPayment`: never absorbed,
    /// the patient keeps the money) are refused and change nothing.
    public func repay(_ requests: [RepaymentRequest]) async throws -> [Result<RepaymentReceipt, ReceivableError>] {
        var results = [Result<RepaymentReceipt, ReceivableError>?](repeating: nil, count: requests.count)
        var valid: [Int] = []
        for (index, request) in requests.enumerated() {
            do throws(ReceivableError) {
                try request.validate()
                valid.append(index)
            } catch {
                results[index] = .failure(error)
            }
        }
        for chunk in stride(from: 0, to: valid.count, by: LedgerLimits.maximumBatchSize).map({ valid[$0..<min($0 + LedgerLimits.maximumBatchSize, valid.count)] }) {
            let applied = try await ledger.submit(chunk.map { LedgerRequest(key: requests[$0].key, command: .repay(requests[$0].line, amount: requests[$0].amount)) })
            for (index, result) in zip(chunk, applied) {
                let request = requests[index]
                results[index] = result.map { receipt in
                    RepaymentReceipt(request: request, isReplay: receipt.isReplay, owedAfter: receipt.entry.lineAfter.outstanding, availableAfter: receipt.available)
                }.mapError { Self.refusal($0, line: request.line, amount: request.amount) }
            }
        }
        if !valid.isEmpty { try catchUp() }
        return results.map { $0! }
    }

    /// Applies one repayment as the call with an array does, throwing its refusal.
    public func repay(_ request: RepaymentRequest) async throws -> RepaymentReceipt {
        try await repay([request])[0].get()
    }

    /// The ledger's refusal of a repayment or transfer of `amount` on `line`, as a receivable error.
    static func refusal(_ error: LedgerError, line: CreditLineID, amount: Money) -> ReceivableError {
        let details = "line \(line) amount \(amount.fen): \(error.debugDescription)"
        switch error.code {
        case .lineNotFound: return ReceivableError(.unknownLine, details: details)
        case .insufficientAvailable: return ReceivableError(.beyondLimit, details: details)
        case .overRepayment, .owedByMembers:
            return ReceivableError(.overPayment, context: ["ledger_code": error.code.rawValue], details: details)
        default: return ReceivableError(ReceivableError.Code(rawValue: error.code.rawValue), details: details)
        }
    }
}
