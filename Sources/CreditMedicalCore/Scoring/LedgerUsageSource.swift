/// The ``CreditDataSource`` of the patient's own use of credit, read from the ledger:
/// `credit_utilisation` and `credit_line_status` (see ``CreditLine/usageFeatures``), and
/// `repayments_12m`, how many repayments the line took in the twelve months (365 days) before
/// now. A patient without a line, or whose ledger cannot be read, gets them as missing.
///
/// Days late and on-time repayment need due dates, which arrive with receivables; until then
/// they are not reported.
public struct LedgerUsageSource: CreditDataSource {
    public let featureNames = ["credit_utilisation", "credit_line_status", "repayments_12m"]
    let reader: any LedgerReader
    let lineOf: @Sendable (String) -> CreditLineID?
    let clock: any TimeSource

    /// Reads `reader`; `lineOf` names the line of a patient (`nil` for one without).
    public init(reader: any LedgerReader, clock: any TimeSource, lineOf: @escaping @Sendable (String) -> CreditLineID?) {
        self.reader = reader
        self.clock = clock
        self.lineOf = lineOf
    }

    public func features(of patient: String) async -> ApplicantFeatures {
        guard let id = lineOf(patient) else { return missing(.noRecord) }
        do {
            guard let line = try reader.line(id) else { return missing(.noRecord) }
            var features = line.usageFeatures
            features["repayments_12m"] = .number(Double(try repayments(on: id, since: clock.now().adding(seconds: -365 * 86_400))))
            return features
        } catch {
            return missing(.sourceDown)
        }
    }

    /// How many repayments the journal holds for `line` from `start` on, read a page at a time.
    private func repayments(on line: CreditLineID, since start: Timestamp) throws -> Int {
        var count = 0
        var after: Int64 = 0
        while true {
            let page = try reader.journal(line: line, after: after, limit: 1_000)
            for entry in page where entry.timestamp >= start {
                if case .repay = entry.command { count += 1 }
            }
            guard let last = page.last, page.count == 1_000 else { return count }
            after = last.sequence
        }
    }

    private func missing(_ reason: MissingReason) -> ApplicantFeatures {
        ApplicantFeatures(Dictionary(uniqueKeysWithValues: featureNames.map { ($0, .missing(reason)) }))
    }
}
