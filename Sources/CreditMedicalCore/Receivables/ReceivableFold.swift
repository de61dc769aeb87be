/// Folds journal entries into receivables, deterministically, so every process that reads the
/// same journal agrees on what is owed for which visit:
///
/// - a capture that made the line owe something creates a receivable of that amount, due by the
///   line's ``RepaymentTerms``;
/// - a reversal shrinks its hold's receivable; a part already repaid (or written off) pays the
///   line's next oldest receivables instead (the ledger netted it against what the line owes);
/// - a write-off writes off its hold's receivable (any more, the line's next oldest);
/// - a repayment pays the line's receivables oldest first (by capture time, then hold id, by
///   their bytes).
///
/// So a line's receivables always owe, together, what the ledger says the line owes itself
/// (``CreditLine/ownOutstanding``).
struct ReceivableFold {
    /// The receivables the entries touch: loaded, or created by a capture among them.
    private(set) var receivables: [HoldID: Receivable]
    /// The holds of each touched line's receivables with something owed, oldest first.
    private var open: [CreditLineID: [HoldID]] = [:]
    /// The holds whose receivables changed, in the order first changed.
    private(set) var changed: [HoldID] = []
    private var changedSet = Set<HoldID>()
    private let terms: (CreditLineID) throws -> RepaymentTerms
    /// The collection ladder's first step: when a new receivable is first up for review.
    private let firstStep: CollectionStep?

    /// A fold over `loaded` receivables: every receivable with something owed on a line the
    /// entries repay or reverse on, and the receivable of every hold they reverse.
    init(loaded: [Receivable], terms: @escaping (CreditLineID) throws -> RepaymentTerms, firstStep: CollectionStep? = nil) {
        self.terms = terms
        self.firstStep = firstStep
        receivables = Dictionary(loaded.map { ($0.hold, $0) }, uniquingKeysWith: { first, _ in first })
        let owing = loaded.filter { $0.owed.isPositive }.sorted { ($0.capturedAt, $0.hold) < ($1.capturedAt, $1.hold) }
        for receivable in owing { open[receivable.line, default: []].append(receivable.hold) }
    }

    /// What must be loaded before `entries` are folded: the lines they repay or reverse on and
    /// the holds they reverse.
    static func needs(_ entries: [JournalEntry]) -> (lines: Set<CreditLineID>, holds: Set<HoldID>) {
        var lines = Set<CreditLineID>()
        var holds = Set<HoldID>()
        for entry in entries where entry.outstandingDelta.fen < 0 {
            lines.insert(entry.line)
            if let hold = entry.command.holdID { holds.insert(hold) }
        }
        return (lines, holds)
    }

    /// Folds one entry.
    mutating func apply(_ entry: JournalEntry) throws {
        let delta = entry.outstandingDelta.fen
        switch entry.command {
        case .captureHold(let hold, _) where delta > 0:
            let (due, graceEnds) = try terms(entry.line).dates(capturedAt: entry.timestamp)
            var receivable = Receivable(hold: hold, line: entry.line, capturedAt: entry.timestamp, dueAt: due, graceEndsAt: graceEnds,
                                        principal: Money(fen: delta))
            if let firstStep { receivable.collection.reviewAt = CollectionPlan.time(of: firstStep, for: receivable) }
            receivables[hold] = receivable
            insertOpen(hold, capturedAt: entry.timestamp, on: entry.line)
            mark(hold)
        case .reverseCapture(let hold, _) where delta < 0, .reverseCaptureUpTo(let hold, _) where delta < 0:
            guard var receivable = receivables[hold] else { return }
            receivable.principal = Money(fen: receivable.principal.fen + delta)
            // What was repaid or written off beyond the new principal goes to the line's others.
            let surplus = max(0, -receivable.owed.fen)
            let repaidBack = min(surplus, receivable.repaid.fen)
            receivable.repaid.fen -= repaidBack
            receivable.writtenOff.fen -= surplus - repaidBack
            update(receivable, at: entry.timestamp)
            settle(repaidBack, on: entry.line, at: entry.timestamp, as: \.repaid)
            settle(surplus - repaidBack, on: entry.line, at: entry.timestamp, as: \.writtenOff)
        case .writeOff(let hold, _, _) where delta < 0:
            guard var receivable = receivables[hold] else { return }
            let part = min(-delta, receivable.owed.fen)
            receivable.writtenOff.fen += part
            update(receivable, at: entry.timestamp)
            settle(-delta - part, on: entry.line, at: entry.timestamp, as: \.writtenOff)
        case .repay where delta < 0:
            settle(-delta, on: entry.line, at: entry.timestamp, as: \.repaid)
        default:
            break
        }
    }

    /// Records `receivable` as changed, and as paid off at `time` once it owes nothing.
    private mutating func update(_ receivable: Receivable, at time: Timestamp) {
        var receivable = receivable
        if !receivable.owed.isPositive {
            receivable.paidOffAt = receivable.paidOffAt ?? time
            open[receivable.line]?.removeAll { $0 == receivable.hold }
        }
        receivables[receivable.hold] = receivable
        mark(receivable.hold)
    }

    /// Settles `amount` fen of the line's receivables, oldest first, as repaid or written off.
    private mutating func settle(_ amount: Int64, on line: CreditLineID, at time: Timestamp, as part: WritableKeyPath<Receivable, Money>) {
        var left = amount
        var paidOff = 0
        for hold in open[line] ?? [] where left > 0 {
            guard var receivable = receivables[hold] else { continue }
            let share = min(left, receivable.owed.fen)
            receivable[keyPath: part].fen += share
            left -= share
            if !receivable.owed.isPositive {
                receivable.paidOffAt = time
                paidOff += 1
            }
            receivables[hold] = receivable
            mark(hold)
        }
        if paidOff > 0 { open[line]?.removeFirst(paidOff) }
    }

    /// Puts a new receivable among the line's open ones in their order: by capture time, then
    /// hold. Captures come in journal order, so it goes after every earlier capture; among those
    /// of the same time, by hold, as a store orders them. So the order never depends on which
    /// entries one fold saw.
    private mutating func insertOpen(_ hold: HoldID, capturedAt time: Timestamp, on line: CreditLineID) {
        var holds = open.removeValue(forKey: line) ?? []
        var position = holds.endIndex
        while position > holds.startIndex, let before = receivables[holds[position - 1]], before.capturedAt == time, hold < before.hold {
            position -= 1
        }
        holds.insert(hold, at: position)
        open[line] = holds
    }

    private mutating func mark(_ hold: HoldID) {
        if changedSet.insert(hold).inserted { changed.append(hold) }
    }

    /// The receivables that changed, in their final state.
    var changedReceivables: [Receivable] { changed.compactMap { receivables[$0] } }
}
