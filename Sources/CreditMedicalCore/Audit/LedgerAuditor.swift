/// Checks the design's invariants 1–6 against any ``LedgerReader``: a store, or a read-only
/// snapshot of one.
///
/// It replays the whole journal through the ``LedgerStateMachine`` (every entry must be a command
/// the ledger accepts and must reproduce itself exactly), adds up each line's movements, and
/// compares the result with the stored lines and holds. Reads the whole store; memory grows
/// with the number of lines, holds and keys.
///
/// A snapshot (`SQLiteSnapshot`, `PostgresSnapshot`) gives one consistent answer while other
/// processes keep writing. A live store may be in use meanwhile: every change comes with a
/// journal entry, so when the journal has grown by the time lines and holds have been read, the
/// audit starts again, up to ``maximumAttempts`` times.
public struct LedgerAuditor: Sendable {
    /// The store under audit.
    public let store: any LedgerReader
    /// How many rows each query reads.
    public var pageSize = 10_000
    /// How many times the audit reads the store before it gives up on a store that keeps changing.
    public var maximumAttempts = 5

    public init(store: any LedgerReader) {
        self.store = store
    }

    /// Audits the store and reports every violation found. Throws ``LedgerAuditError`` when the
    /// store changed during every attempt.
    public func audit() throws -> LedgerAuditReport {
        for _ in 0..<maximumAttempts {
            let (report, lastSequence) = try readAndCheck()
            if try store.journal(line: nil, after: lastSequence, limit: 1).isEmpty { return report }
        }
        throw LedgerAuditError(attempts: maximumAttempts)
    }

    /// One pass over the store, and the last journal entry it checked.
    private func readAndCheck() throws -> (LedgerAuditReport, lastSequence: Int64) {
        var report = LedgerAuditReport()
        var replay = JournalReplay()
        var after: Int64 = 0
        while true {
            let page = try store.journal(line: nil, after: after, limit: pageSize)
            for entry in page { replay.check(entry, into: &report) }
            report.entriesChecked += page.count
            guard let last = page.last else { break }
            after = last.sequence
            guard page.count == pageSize else { break }
        }
        let members = try compareLines(with: replay, into: &report)
        try compareHolds(with: replay, members: members, into: &report)
        return (report, after)
    }

    /// Compares the stored lines with the journal's; returns, per guarantor line, what its member
    /// lines hold and owe.
    private func compareLines(with replay: JournalReplay, into report: inout LedgerAuditReport) throws -> [CreditLineID: MemberSums] {
        var seen = Set<CreditLineID>()
        var members: [CreditLineID: MemberSums] = [:]
        try forEachPage({ try store.lines(after: $0?.id, limit: $1) }) { line in
            seen.insert(line.id)
            report.linesChecked += 1
            if let guarantor = line.guarantor {
                members[guarantor, default: MemberSums()].held &+= line.held.fen
                members[guarantor, default: MemberSums()].outstanding &+= line.outstanding.fen
            }
            if line.limit.fen < 0 || line.held.fen < 0 || line.outstanding.fen < 0 {
                report.violations.append(LedgerAuditViolation(.nonNegativeBalances, line: line.id,
                    "limit \(line.limit.fen), held \(line.held.fen), outstanding \(line.outstanding.fen)"))
            }
            if let sums = replay.sums[line.id] {
                let checks = [("limit", sums.limit, line.limit.fen), ("held", sums.held, line.held.fen),
                              ("captured − reversed − repaid", sums.captured - sums.reversed - sums.repaid, line.outstanding.fen)]
                for (name, sum, stored) in checks where sum != stored {
                    report.violations.append(LedgerAuditViolation(.conservation, line: line.id,
                        "journal movements of \(name) add up to \(sum), stored \(stored)"))
                }
            }
            let recomputed = replay.state.lines[line.id]
            if recomputed != line {
                report.violations.append(LedgerAuditViolation(.storedMatchesJournal, line: line.id,
                    "stored \(describe(line)), journal gives \(recomputed.map(describe) ?? "no line")"))
            }
        }
        for id in replay.state.lines.keys where !seen.contains(id) {
            report.violations.append(LedgerAuditViolation(.storedMatchesJournal, line: id, "journal has the line, store does not"))
        }
        return members
    }

    /// What a guarantor's member lines hold and owe together.
    private struct MemberSums {
        var held: Int64 = 0, outstanding: Int64 = 0
    }

    /// Compares the holds with the journal's, and each line's held amount with its open holds (and
    /// a guarantor's with its members' held amounts and what they owe with its members' part).
    private func compareHolds(with replay: JournalReplay, members: [CreditLineID: MemberSums], into report: inout LedgerAuditReport) throws {
        var seen = Set<HoldID>()
        var openSums: [CreditLineID: Int64] = [:]
        try forEachPage({ try store.holds(after: $0?.id, limit: $1) }) { hold in
            seen.insert(hold.id)
            report.holdsChecked += 1
            if hold.state == .open {
                openSums[hold.line, default: 0] += hold.amount.fen
            } else if hold.amount != .zero {
                report.violations.append(LedgerAuditViolation(.heldMatchesOpenHolds, line: hold.line, hold: hold.id,
                    "ended hold still holds \(hold.amount.fen)"))
            }
            if hold.amount.fen < 0 {
                report.violations.append(LedgerAuditViolation(.nonNegativeBalances, line: hold.line, hold: hold.id,
                    "hold amount \(hold.amount.fen)"))
            }
            if replay.state.holds[hold.id] != hold {
                report.violations.append(LedgerAuditViolation(.storedMatchesJournal, line: hold.line, hold: hold.id,
                    "stored hold differs from the journal's"))
            }
        }
        for id in replay.state.holds.keys where !seen.contains(id) {
            report.violations.append(LedgerAuditViolation(.storedMatchesJournal, hold: id, "journal has the hold, store does not"))
        }
        try forEachPage({ try store.lines(after: $0?.id, limit: $1) }) { line in
            let open = openSums[line.id] ?? 0
            let membersOf = members[line.id] ?? MemberSums()
            if open &+ membersOf.held != line.held.fen {
                report.violations.append(LedgerAuditViolation(.heldMatchesOpenHolds, line: line.id,
                    "held \(line.held.fen), open holds add up to \(open), member lines hold \(membersOf.held)"))
            }
            if membersOf.outstanding != line.membersOutstanding.fen {
                report.violations.append(LedgerAuditViolation(.conservation, line: line.id,
                    "members' part \(line.membersOutstanding.fen), member lines owe \(membersOf.outstanding)"))
            }
        }
    }

    /// Reads a keyed listing page by page.
    private func forEachPage<Row>(_ read: (Row?, Int) throws -> [Row], _ body: (Row) throws -> Void) throws {
        var last: Row?
        while true {
            let page = try read(last, pageSize)
            for row in page { try body(row) }
            guard page.count == pageSize else { return }
            last = page.last
        }
    }

    private func describe(_ line: CreditLine) -> String {
        "limit \(line.limit.fen) held \(line.held.fen) outstanding \(line.outstanding.fen) status \(line.status.rawValue)"
    }
}

/// The journal replayed through the state machine, with each line's movements added up.
private struct JournalReplay {
    struct Sums {
        var limit: Int64 = 0, held: Int64 = 0, captured: Int64 = 0, repaid: Int64 = 0, reversed: Int64 = 0
    }

    var state = LedgerState()
    var sums: [CreditLineID: Sums] = [:]

    mutating func check(_ entry: JournalEntry, into report: inout LedgerAuditReport) {
        func violation(_ invariant: LedgerInvariant, _ detail: String) {
            report.violations.append(LedgerAuditViolation(invariant, line: entry.line, hold: entry.command.holdID,
                                                          sequence: entry.sequence, detail))
        }
        if entry.sequence != state.lastSequence + 1 {
            violation(.storedMatchesJournal, "sequence follows \(state.lastSequence)")
            state.lastSequence = entry.sequence - 1
        }
        let after = entry.lineAfter
        if after.limit.fen < 0 || after.held.fen < 0 || after.outstanding.fen < 0 {
            violation(.nonNegativeBalances, "after: limit \(after.limit.fen), held \(after.held.fen), outstanding \(after.outstanding.fen)")
        }
        let before = state.lines[entry.line]?.balances
            ?? CreditLineBalances(limit: .zero, held: .zero, outstanding: .zero, status: [])
        if before.limit.fen &+ entry.limitDelta.fen != after.limit.fen
            || before.held.fen &+ entry.heldDelta.fen != after.held.fen
            || before.outstanding.fen &+ entry.outstandingDelta.fen != after.outstanding.fen {
            violation(.conservation, "balances before plus the entry's deltas differ from the balances after")
        }
        add(entry, to: entry.line, limitDelta: entry.limitDelta.fen)
        if let guarantor = entry.guarantor {
            let guarantorBefore = state.lines[guarantor.line]
            if guarantorBefore.map({ $0.limit != guarantor.limit || $0.held.fen &+ entry.heldDelta.fen != guarantor.heldAfter.fen
                                     || $0.outstanding.fen &+ entry.outstandingDelta.fen != guarantor.outstandingAfter.fen }) ?? true {
                violation(.conservation, "the guarantor's balances before plus the entry's deltas differ from its balances after")
            }
            add(entry, to: guarantor.line, limitDelta: 0)
        }

        let request = LedgerRequest(key: entry.key, command: entry.command)
        switch LedgerStateMachine.apply(request, to: &state, at: entry.timestamp) {
        case .success(let receipt) where receipt.isReplay:
            violation(.endsOnceAndKeysOnce, "idempotency key used by entry \(receipt.entry.sequence) too")
            follow(entry)
        case .success(let receipt) where receipt.entry != entry:
            violation(.storedMatchesJournal, "entry differs from what its command produces")
            follow(entry)
        case .success:
            break
        case .failure(let error):
            let invariant: LedgerInvariant = switch error.code {
            case .holdNotOpen, .idempotencyConflict: .endsOnceAndKeysOnce
            default: .rejectedChangesNothing
            }
            violation(invariant, "the ledger rejects this command (\(error.code))")
            follow(entry)
        }
    }

    /// Adds the entry's movements to `line`'s sums: what a line owes moves up by captures, down
    /// by repayments and by reversals.
    private mutating func add(_ entry: JournalEntry, to line: CreditLineID, limitDelta: Int64) {
        var movement = sums[line] ?? Sums()
        movement.limit &+= limitDelta
        movement.held &+= entry.heldDelta.fen
        if case .repay = entry.command {
            movement.repaid &-= entry.outstandingDelta.fen
        } else if entry.outstandingDelta.fen > 0 {
            movement.captured &+= entry.outstandingDelta.fen
        } else {
            movement.reversed &-= entry.outstandingDelta.fen
        }
        sums[line] = movement
    }

    /// Takes the entry's recorded effect as given, so later entries are checked on their own.
    private mutating func follow(_ entry: JournalEntry) {
        let after = entry.lineAfter
        var line = state.lines[entry.line]
            ?? CreditLine(id: entry.line, limit: after.limit, openedAt: entry.timestamp, updatedAt: entry.timestamp)
        line.limit = after.limit
        line.held = after.held
        line.outstanding = after.outstanding
        line.status = after.status
        line.updatedAt = entry.timestamp
        state.lines.set(line, for: entry.line)
        if let guarantor = entry.guarantor, var guarantorLine = state.lines[guarantor.line] {
            guarantorLine.held = guarantor.heldAfter
            guarantorLine.outstanding = guarantor.outstandingAfter
            guarantorLine.membersOutstanding.fen &+= entry.outstandingDelta.fen
            guarantorLine.updatedAt = entry.timestamp
            state.lines.set(guarantorLine, for: guarantor.line)
        }
        if let id = entry.command.holdID, var hold = state.holds[id] {
            hold.amount = entry.holdAmountAfter ?? hold.amount
            hold.state = entry.holdStateAfter ?? hold.state
            state.holds.set(hold, for: id)
        }
        state.lastSequence = max(state.lastSequence, entry.sequence)
    }
}
