/// The overdue job (逾期处理): brings the receivables up to the ledger, then takes the steps of the
/// ``CollectionLadder`` that have come due, each once per receivable, and lifts a line's
/// restrictions once nothing on it that restricted it is owed any more.
///
/// It may run at any time and any number of times, driven by the ledger's clock: a receivable's
/// ``CollectionProgress/reviewAt`` says when it next has something to do, so a run reads only
/// those, and a second run at the same time reads nothing. A late run takes every step that came
/// due, but sends only the latest message. Emergency care is never refused by what it does: its
/// restrictions are line flags and limits that the ledger's emergency rule passes.
///
/// For each page of receivables, in this order: the ledger commands (keys
/// `collection/HOLD/STEP`), the notices, listings and hand-overs to the bank (ids the same), then
/// one store write of the progress and the events. A failure leaves the progress unrecorded, so the next run repeats the
/// step: the ledger answers the same key as before, and the sender delivers an id once.
public struct OverdueJob: Sendable {
    /// What one run did.
    public struct Report: Sendable, Hashable {
        /// Receivables looked at.
        public internal(set) var examined = 0
        /// Steps taken, by action.
        public internal(set) var taken: [CollectionAction: Int] = [:]
        /// Messages passed over because a later step was due too.
        public internal(set) var passedOver = 0
        /// Lines whose restrictions were lifted.
        public internal(set) var lifted: Set<CreditLineID> = []
        /// Receivables whose steps did not go through, with the code of what went wrong; the next
        /// run repeats them.
        public internal(set) var failed: [HoldID: String] = [:]
    }

    public let book: ReceivableBook
    public let ladder: CollectionLadder
    public let notices: any NotificationSender
    /// Lists patients for ``CollectionAction/arrearsList`` steps; without one, such steps are
    /// recorded as ``CollectionEvent/Outcome/notConfigured``.
    public let listing: (any CollectionListing)?
    /// The bank that takes over ``CollectionAction/bankCollection`` steps (a
    /// ``CreditProviderRouter`` for several); without one, such steps are recorded as
    /// ``CollectionEvent/Outcome/notConfigured``.
    public let bank: (any CreditProviderAdapter)?
    /// Receivables per page: one ledger batch and one store write each.
    public var pageSize = 2_000

    public init(book: ReceivableBook, ladder: CollectionLadder, notices: any NotificationSender, listing: (any CollectionListing)? = nil,
                bank: (any CreditProviderAdapter)? = nil) {
        self.book = book
        self.ladder = ladder
        self.notices = notices
        self.listing = listing
        self.bank = bank
    }

    /// Runs the job at the ledger clock's time. Throws `ReceivableError.Code.ladderMismatch`,
    /// doing nothing, when the book was given another ladder.
    public func run() async throws -> Report {
        if let expected = book.ladder, expected != ladder {
            throw ReceivableError(.ladderMismatch, context: ["book": "\(expected.id)@\(expected.version)", "job": "\(ladder.id)@\(ladder.version)"])
        }
        try book.catchUp()
        let now = book.ledger.clock.now()
        var report = Report()
        var after: HoldID?
        while true {
            let page = try book.store.needingCollection(at: now, after: after, limit: pageSize)
            report.examined += page.count
            if !page.isEmpty { try await handle(page, at: now, into: &report) }
            guard page.count == pageSize, let last = page.last else { return report }
            after = last.hold
        }
    }

    /// Takes the due steps of `page` and lifts what its paid receivables restricted.
    private func handle(_ page: [Receivable], at now: Timestamp, into report: inout Report) async throws {
        var plans = page.filter(\.owed.isPositive).map { CollectionPlan($0, ladder: ladder, at: now) }
        let paid = page.filter { !$0.owed.isPositive }
        let restricting = Set(plans.filter { $0.due.contains { $0.step.action.restricts } }.map(\.receivable.line)).union(paid.map(\.line))
        let others = Dictionary(grouping: try book.store.openReceivables(on: restricting), by: \.line)
        var requests: [LedgerRequest] = []
        var owners: [Owner] = []
        var restricted = Set<String>()  // "LINE/STEP" taken in this page
        for position in plans.indices {
            let receivable = plans[position].receivable
            for (dueIndex, due) in plans[position].due.enumerated() {
                if due.step.action == .arrearsList && listing == nil || due.step.action == .bankCollection && bank == nil {
                    plans[position].markNotConfigured(dueIndex)
                }
                guard due.step.action.restricts else { continue }
                let already = others[receivable.line, default: []].contains { $0.hold != receivable.hold && $0.collection.stepsDone > due.index }
                guard !already, restricted.insert("\(receivable.line.rawValue)/\(due.step.name)").inserted else {
                    plans[position].markAlreadyRestricted(dueIndex)
                    continue
                }
                requests.append(try restriction(due.step, of: receivable))
                owners.append(.receivable(receivable.hold))
            }
        }
        let lifts = try await lifting(paid, others: others, plans: plans)
        for (line, commands) in lifts {
            for request in commands {
                requests.append(request)
                owners.append(.line(line))
            }
        }
        let paidByLine = Dictionary(grouping: paid, by: \.line)
        let failed = try await submit(requests, owners: owners, paid: paidByLine.mapValues { $0.map(\.hold) }, report: &report)
        var saved: [Receivable] = []
        var events: [CollectionEvent] = []
        var holders: [CreditLineID: String] = [:]
        for plan in plans where !failed.contains(.receivable(plan.receivable.hold)) {
            do {
                let holder = try holder(of: plan.receivable.line, cache: &holders)
                events += try await carryOut(plan, holder: holder, at: now)
                for due in plan.due {
                    if due.outcome == .taken { report.taken[due.step.action, default: 0] += 1 }
                    if due.outcome == .passedOver { report.passedOver += 1 }
                }
                var receivable = plan.receivable
                receivable.collection = plan.progress
                saved.append(receivable)
            } catch {
                report.failed[plan.receivable.hold] = Self.code(of: error)
            }
        }
        for (line, receivables) in paidByLine where lifts[line] != nil && !failed.contains(.line(line)) {
            do {
                if !(lifts[line] ?? []).isEmpty {
                    try await notices.send(PatientNotification(
                        id: AdapterRequestID(CollectionPlan.id(receivables[0], "lift")), patient: try holder(of: line, cache: &holders),
                        kind: .restrictionLifted, text: "欠款已还清，信用就医已恢复。Your repayment is complete: credit is available again."))
                }
                for var receivable in receivables {
                    receivable.collection.restricted = false
                    saved.append(receivable)
                    events.append(CollectionEvent(id: CollectionPlan.id(receivable, "lift"), hold: receivable.hold, line: line, step: "lift",
                                                  action: nil, outcome: .lifted, daysPastDue: receivable.daysPastDue(at: now), owed: .zero, at: now))
                }
                report.lifted.insert(line)
            } catch {
                for receivable in receivables { report.failed[receivable.hold] = Self.code(of: error) }
            }
        }
        guard !saved.isEmpty else { return }
        try book.store.saveCollection(saved, events: events)
    }

    /// Submits the ledger commands; returns the owners whose command failed. A line already in the
    /// state a command puts it in counts as done.
    private func submit(_ requests: [LedgerRequest], owners: [Owner], paid: [CreditLineID: [HoldID]], report: inout Report) async throws -> Set<Owner> {
        var failed = Set<Owner>()
        for start in stride(from: 0, to: requests.count, by: LedgerLimits.maximumBatchSize) {
            let end = min(start + LedgerLimits.maximumBatchSize, requests.count)
            let results = try await book.ledger.submit(Array(requests[start..<end]))
            for (owner, result) in zip(owners[start..<end], results) {
                guard case .failure(let error) = result else { continue }
                switch error.code {
                case .lineSuspended, .lineFrozen, .lineNotSuspended, .lineNotFrozen: continue
                default:
                    failed.insert(owner)
                    switch owner {
                    case .receivable(let hold): report.failed[hold] = error.code.rawValue
                    case .line(let line): for hold in paid[line] ?? [] { report.failed[hold] = error.code.rawValue }
                    }
                }
            }
        }
        return failed
    }

    /// Whose ledger command it is: a receivable's step, or the lifting of a line.
    private enum Owner: Hashable {
        case receivable(HoldID)
        case line(CreditLineID)
    }

    /// Whom the notices about `line` go to: its holder in the book's directory, or the line's id
    /// when the book has no directory or the directory does not know the line.
    private func holder(of line: CreditLineID, cache: inout [CreditLineID: String]) throws -> String {
        if let known = cache[line] { return known }
        let holder = try book.directory?.account(of: line)?.holder ?? line.rawValue
        cache[line] = holder
        return holder
    }

    static func code(of error: any Error) -> String {
        (error as? any CodedError)?.code.rawValue ?? String(describing: type(of: error))
    }
}
