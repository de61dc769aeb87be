import CreditMedicalCore

extension Ledger {
    /// Opens the lines `L0` to `L{count - 1}` of a benchmark, each with `limit`, in batches of the
    /// ledger's maximum size; fails when the ledger refuses one.
    func openLines(_ count: Int, limit: Money) async throws {
        for chunk in (0..<count).chunked(LedgerLimits.maximumBatchSize) {
            let requests = chunk.map { LedgerRequest(key: IdempotencyKey("open-\($0)"), command: .openLine(CreditLineID("L\($0)"), limit: limit)) }
            for result in try await submit(requests) { _ = try result.get() }
        }
    }
}
