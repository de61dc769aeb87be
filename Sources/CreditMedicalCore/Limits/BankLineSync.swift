/// Brings the ledger's lines to what their bank reports (`CreditProviderAdapter.line(_:)`): the
/// limit it grants now, and whether it still allows use. Run it at enrollment and periodically;
/// running it again changes nothing more.
///
/// A bank that lowers a limit below what a line holds and owes freezes new holds on that line:
/// available stays at zero (never below) until repayments bring the line under the new limit,
/// and nothing already held is lost. A line the bank stopped is suspended. A line the bank allows
/// again is not resumed here: a suspension may have other reasons (collection, review), so
/// resuming is the program's decision.
///
/// Each change is a ledger command whose key names its cause
/// (`bank-line-sync/LINE/LAST-CHANGE-MS/limit/FEN` or `…/suspend`); a limit change journals the
/// reason `bank line sync`.
public struct BankLineSync: Sendable {
    /// What one run did.
    public struct Report: Sendable, Hashable {
        /// Lines whose limit the bank changed, with the new limit.
        public internal(set) var limits: [CreditLineID: Money] = [:]
        /// Lines suspended because the bank stopped them.
        public internal(set) var suspended: [CreditLineID] = []
        /// Lines the bank reports usable while the ledger has them suspended.
        public internal(set) var usableAgain: [CreditLineID] = []
        /// Lines that could not be synced, with the code of what went wrong (the bank not
        /// answering, the line unknown to the ledger); they are left as they were.
        public internal(set) var failed: [CreditLineID: String] = [:]

        /// A run that changed and found nothing.
        public init() {}
    }

    public let ledger: Ledger
    public let bank: any CreditProviderAdapter

    public init(ledger: Ledger, bank: any CreditProviderAdapter) {
        self.ledger = ledger
        self.bank = bank
    }

    /// Syncs `lines`, one after the other; a line that fails does not stop the others.
    public func sync(_ lines: [CreditLineID]) async -> Report {
        var report = Report()
        await sync(lines, into: &report)
        return report
    }

    /// The periodic job: syncs every line of the ledger, `pageSize` at a time, except closed
    /// lines and family members' lines (a member's limit is the family's cap, not a bank's).
    /// Throws only when the ledger cannot be read; a line that fails is in the report.
    public func syncAll(pageSize: Int = 1_000) async throws -> Report {
        var report = Report()
        var after: CreditLineID?
        while true {
            let page = try ledger.store.lines(after: after, limit: pageSize)
            await sync(page.filter { $0.guarantor == nil && !$0.status.contains(.closed) }.map(\.id), into: &report)
            guard let last = page.last, page.count == pageSize else { return report }
            after = last.id
        }
    }

    private func sync(_ lines: [CreditLineID], into report: inout Report) async {
        for id in lines {
            do {
                try await sync(id, into: &report)
            } catch {
                report.failed[id] = (error as? any CodedError)?.code.rawValue ?? String(describing: type(of: error))
            }
        }
    }

    private func sync(_ id: CreditLineID, into report: inout Report) async throws {
        let granted = try await bank.line(id)
        guard let line = try ledger.line(id) else { throw LedgerError(.lineNotFound, details: "line \(id)") }
        let cause = "bank-line-sync/\(id)/\(line.updatedAt.millisecondsSince1970)"
        if granted.grantedLimit != line.limit {
            try await ledger.execute(.adjustLimit(id, to: granted.grantedLimit, reason: "bank line sync"),
                                     key: IdempotencyKey("\(cause)/limit/\(granted.grantedLimit.fen)"))
            report.limits[id] = granted.grantedLimit
        }
        let suspended = line.status.contains(.suspended)
        if !granted.usable && !suspended {
            try await ledger.execute(.suspendLine(id), key: IdempotencyKey("\(cause)/suspend"))
            report.suspended.append(id)
        } else if granted.usable && suspended {
            report.usableAgain.append(id)
        }
    }
}
