/// The receivables of a ledger (应收账款): what each patient owes the bank for which visit, when it
/// is due, and how repayments paid it.
///
/// The ledger's journal is the truth: the book folds its entries into receivables
/// (`ReceivableFold`) and keeps them in a ``ReceivableStore`` with the journal position they
/// reflect, so repaying restores the line in the ledger's own commit and the allocation to visits
/// follows from it. ``catchUp()`` brings the book up to the journal; every method that answers
/// from it catches up first. Several processes may share one store: each folds what the others
/// have not, and none folds an entry twice.
public final class ReceivableBook: Sendable {
    /// The ledger whose journal is folded and whose lines are repaid.
    public let ledger: Ledger
    public let store: any ReceivableStore
    /// Says which bank granted a line, for its terms; `nil` when every line has ``defaultTerms``.
    public let directory: (any CreditLineDirectory)?
    /// Repayment terms by bank, as the directory names banks.
    public let terms: [String: RepaymentTerms]
    /// The terms of a line whose bank has none of its own.
    public let defaultTerms: RepaymentTerms
    /// The collection ladder the ``OverdueJob`` runs on these receivables: a new receivable is
    /// first up for review when the ladder's first step comes, so the job never reads one with
    /// nothing to do. `nil`: up for review as soon as it is captured.
    public let ladder: CollectionLadder?

    /// Journal entries folded per store transaction.
    public let pageSize: Int
    /// How many times a catch-up reads again after another process was quicker, before it fails.
    static let maximumRetries = 100

    public init(ledger: Ledger, store: any ReceivableStore, directory: (any CreditLineDirectory)? = nil,
                terms: [String: RepaymentTerms] = [:], defaultTerms: RepaymentTerms = .standard, ladder: CollectionLadder? = nil,
                pageSize: Int = 5_000) {
        self.ladder = ladder
        self.pageSize = max(1, pageSize)
        self.ledger = ledger
        self.store = store
        self.directory = directory
        self.terms = terms
        self.defaultTerms = defaultTerms
    }

    /// Folds every journal entry the store does not reflect yet. Returns how many it folded.
    @discardableResult
    public func catchUp() throws -> Int {
        var folded = 0
        var retries = 0
        while true {
            let position = try store.position()
            let entries = try ledger.store.journal(line: nil, after: position, limit: pageSize)
            guard let last = entries.last else { return folded }
            let needs = ReceivableFold.needs(entries)
            var loaded = try store.openReceivables(on: needs.lines)
            let missing = needs.holds.subtracting(loaded.map(\.hold))
            if !missing.isEmpty { loaded += try store.receivables(of: missing) }
            var fold = ReceivableFold(loaded: loaded, terms: lineTerms, firstStep: ladder?.steps.first)
            for entry in entries { try fold.apply(entry) }
            do {
                try store.advance(from: position, to: last.sequence, saving: fold.changedReceivables)
                folded += entries.count
                retries = 0
            } catch ReceivableError.Code.positionMoved {
                retries += 1
                guard retries < Self.maximumRetries else { throw ReceivableError(.positionMoved, context: ["retries": "\(retries)"]) }
            }
            if entries.count < pageSize { return folded }
        }
    }

    /// Every receivable of the line, owed or paid, oldest first: the statement of what is owed
    /// by visit (账单明细).
    public func statement(of line: CreditLineID) throws -> [Receivable] {
        try catchUp()
        return try store.receivables(on: line)
    }

    /// How the line's receivables were repaid at `time`, as the ``ReviewPolicy`` reads it:
    /// receivables paid by the end of their grace period within the last twelve months, and the
    /// latest one paid late or still owed after it (found late when its grace period ended).
    /// `repairedAt` comes from the arrears list, when the line's listing was lifted.
    public func repaymentRecord(of line: CreditLineID, at time: Timestamp, repairedAt: Timestamp? = nil) throws -> RepaymentRecord {
        let yearAgo = time.adding(seconds: -365 * 86_400)
        var onTime = 0
        var lastLate: RepaymentRecord.LatePayment?
        for receivable in try statement(of: line) {
            if let paid = receivable.paidOffAt, paid <= receivable.graceEndsAt {
                if paid > yearAgo, receivable.repaid.isPositive { onTime += 1 }
                continue
            }
            guard time > receivable.graceEndsAt else { continue }
            let daysLate = receivable.daysPastDue(at: receivable.paidOffAt ?? time)
            if lastLate.map({ receivable.graceEndsAt >= $0.at }) ?? true {
                lastLate = RepaymentRecord.LatePayment(at: receivable.graceEndsAt, daysLate: daysLate)
            }
        }
        return RepaymentRecord(onTimeInTwelveMonths: onTime, lastLate: lastLate, repairedAt: repairedAt)
    }

    /// The lines whose receivables do not owe, together, what the ledger says they owe
    /// themselves: empty when the book agrees with the ledger. An auditor's check; it reads every
    /// line and receivable.
    public func linesOutOfStep() throws -> [CreditLineID] {
        try catchUp()
        var owed: [CreditLineID: Int64] = [:]
        var after: HoldID?
        while true {
            let page = try store.receivables(after: after, limit: 10_000)
            for receivable in page { owed[receivable.line, default: 0] += receivable.owed.fen }
            guard page.count == 10_000, let last = page.last else { break }
            after = last.hold
        }
        var wrong: [CreditLineID] = []
        var afterLine: CreditLineID?
        while true {
            let lines = try ledger.store.lines(after: afterLine, limit: 10_000)
            for line in lines where owed.removeValue(forKey: line.id) ?? 0 != line.ownOutstanding.fen { wrong.append(line.id) }
            guard lines.count == 10_000, let last = lines.last else { break }
            afterLine = last.id
        }
        return wrong + owed.filter { $0.value != 0 }.keys.sorted { $0.rawValue < $1.rawValue }
    }

    private func lineTerms(_ line: CreditLineID) throws -> RepaymentTerms {
        guard !terms.isEmpty, let bank = try directory?.account(of: line)?.bank else { return defaultTerms }
        return terms[bank] ?? defaultTerms
    }
}
