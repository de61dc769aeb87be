import CreditMedicalCore

/// The benchmark's command mix: visits spread over many lines, each visit four commands in order:
/// place a hold, increase it, capture part of it, repay the captured part.
struct LedgerWorkload {
    /// How many lines the visits are spread over.
    let lineCount: Int
    /// A prefix that keeps ids of different phases apart.
    let prefix: String

    static let commandsPerVisit = 4

    func lineID(_ index: Int) -> CreditLineID { CreditLineID("\(prefix)L\(index)") }

    /// Opens every line with a limit no visit mix can exhaust.
    func openingRequests() -> [LedgerRequest] {
        (0..<lineCount).map { index in
            LedgerRequest(key: IdempotencyKey("\(prefix)open\(index)"),
                          command: .openLine(lineID(index), limit: Money(fen: 1_000_000_000_000)))
        }
    }

    /// The four commands of visit `index`.
    func visit(_ index: Int) -> [LedgerRequest] {
        let hold = HoldID("\(prefix)H\(index)")
        let line = lineID(index % lineCount)
        let amount = Money(fen: Int64(10_000 + index % 997))
        let captured = Money(fen: 8_000)
        return [
            LedgerRequest(key: IdempotencyKey("\(prefix)p\(index)"), command: .placeHold(hold, line: line, amount: amount, expiresAt: nil)),
            LedgerRequest(key: IdempotencyKey("\(prefix)i\(index)"), command: .increaseHold(hold, by: Money(fen: 500))),
            LedgerRequest(key: IdempotencyKey("\(prefix)c\(index)"), command: .captureHold(hold, amount: captured)),
            LedgerRequest(key: IdempotencyKey("\(prefix)r\(index)"), command: .repay(line, amount: captured)),
        ]
    }
}
