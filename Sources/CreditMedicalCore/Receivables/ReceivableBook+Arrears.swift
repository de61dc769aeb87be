extension ReceivableBook {
    /// Moves an old unpaid bill onto the line, within what it has available (all of it or
    /// nothing): one ledger batch locks and captures it, so it becomes a receivable due by the
    /// bank's terms; then the bank is told of the capture and asked to advance the bill to the
    /// institution (`dueBy` one day later). Every step repeats safely: call it again with the same
    /// transfer until it returns (after a timeout, a crash or an outage of the bank).
    ///
    /// Refused with nothing changed: a malformed bill number or line
    /// (`ReceivableError.Code.invalidInput`), an amount of zero or less, a line that does not
    /// exist (`ReceivableError.Code.unknownLine`), one without enough available
    /// (`ReceivableError.Code.beyondLimit`), and one suspended, frozen or closed (the ledger's
    /// code, such as `ledger.line_suspended`).
    public func moveArrears(_ transfer: ArrearsTransfer, bank: any CreditProviderAdapter) async throws -> Receivable {
        for (field, rule) in [("bill", transfer.bill.violation), ("line", transfer.line.violation), ("institution", transfer.institution.violation)] {
            if let rule { throw ReceivableError(.invalidInput, context: ["field": field, "rule": rule.rawValue]) }
        }
        guard transfer.amount.isPositive else { throw ReceivableError(.invalidAmount, details: "bill \(transfer.bill) amount \(transfer.amount.fen)") }
        let results = try await ledger.submit([
            LedgerRequest(key: IdempotencyKey(transfer.id("lock")),
                          command: .placeHold(transfer.hold, line: transfer.line, amount: transfer.amount, expiresAt: nil)),
            LedgerRequest(key: IdempotencyKey(transfer.id("capture")), command: .captureHold(transfer.hold, amount: transfer.amount)),
        ])
        if case .failure(let error) = results[0] { throw Self.refusal(error, line: transfer.line, amount: transfer.amount) }
        let capture = try results[1].mapError { Self.refusal($0, line: transfer.line, amount: transfer.amount) }.get()
        let capturedAt = capture.entry.timestamp
        try await bank.noticeCapture(CaptureNotice(requestID: AdapterRequestID(transfer.id("capture")), line: transfer.line,
                                                   encounter: transfer.bill, amount: transfer.amount, capturedAt: capturedAt))
        try await bank.requestAdvance(AdvanceRequest(requestID: AdapterRequestID(transfer.id("advance")), line: transfer.line,
                                                     encounter: transfer.bill, amount: transfer.amount, requestedAt: capturedAt,
                                                     dueBy: capturedAt.adding(seconds: 86_400), institution: transfer.institution))
        try catchUp()
        guard let receivable = try store.receivables(of: [transfer.hold]).first else {
            throw ReceivableError(.outOfStep, context: ["line": transfer.line.rawValue], details: "no receivable for \(transfer.hold)")
        }
        return receivable
    }
}
