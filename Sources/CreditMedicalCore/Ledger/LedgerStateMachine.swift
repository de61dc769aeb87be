/// The one place where money moves: a pure, deterministic function from a state, a batch of
/// requests and a time to a new state, journal entries and one result per request.
///
/// No I/O, no clock reads, no randomness. Each request succeeds or fails on its own; a failed
/// request leaves the state exactly as it was. A key seen before returns its first entry (when
/// the command is the same) or ``LedgerError/Code/idempotencyConflict``; rejected requests are
/// not recorded, so a retry of a rejected key is decided afresh.
public enum LedgerStateMachine {
    /// Applies `batch` in order at time `now`, appending to `state.newEntries`.
    public static func apply(_ batch: [LedgerRequest], to state: inout LedgerState, at now: Timestamp) -> [LedgerResult] {
        var results: [LedgerResult] = []
        results.reserveCapacity(batch.count)
        state.reserveCapacity(forBatchOf: batch.count)
        // Through a buffer pointer, each request is borrowed in place instead of copied out.
        batch.withUnsafeBufferPointer { requests in
            for index in requests.indices {
                results.append(apply(requests[index], to: &state, at: now))
            }
        }
        return results
    }

    /// Applies one request at time `now`.
    public static func apply(_ request: LedgerRequest, to state: inout LedgerState, at now: Timestamp) -> LedgerResult {
        guard request.key.isValid else {
            return .failure(LedgerError(.invalidIdentifier, details: "key"))
        }
        if let prior = state.entryOrReserve(request.key) {
            guard prior.command == request.command else {
                return .failure(LedgerError(.idempotencyConflict, details: "key \(request.key)"))
            }
            return .success(LedgerReceipt(entry: prior, isReplay: true))
        }
        let transition: Transition
        do {
            transition = try Transition.decide(request.command, in: state, at: now)
        } catch {
            state.release(request.key)
            return .failure(error)
        }
        let line = transition.line
        let entry = JournalEntry(
            sequence: state.lastSequence + 1, key: request.key, timestamp: now, command: request.command,
            line: line.id,
            limitDelta: Money(fen: line.limit.fen - transition.before.limit.fen),
            heldDelta: Money(fen: line.held.fen - transition.before.held.fen),
            outstandingDelta: Money(fen: line.outstanding.fen - transition.before.outstanding.fen),
            lineAfter: line.balances, holdAmountAfter: transition.hold?.amount, holdStateAfter: transition.hold?.state
        )
        state.lastSequence = entry.sequence
        transition.store(in: &state)
        state.append(entry)
        return .success(LedgerReceipt(entry: entry, isReplay: false))
    }
}

/// The decided effect of one command: the line (and hold) after it, or a thrown rejection.
///
/// Worked out by static functions that return it, never by delegating initializers: a delegated
/// or copied transition copies its line and hold, with a reference-count update per identifier,
/// which cost the state machine a large share of its speed.
private struct Transition {
    /// The line's balances before the command (zero for a new line).
    var before: CreditLineBalances
    var line: CreditLine
    var hold: Hold?
    /// Where the line and the hold were found in the state (`nil` when the command creates them),
    /// so that storing them back needs no second lookup.
    var linePosition: Int?
    var holdPosition: Int?

    /// Decides what `command` does in `state` at `now`.
    static func decide(_ command: LedgerCommand, in state: LedgerState, at now: Timestamp) throws(LedgerError) -> Transition {
        try validate(command)
        switch command {
        case .openLine(let id, let limit):
            guard state.lines.position(of: id) == nil else { throw LedgerError(.lineAlreadyExists, details: "line \(id)") }
            return Transition(
                before: CreditLineBalances(limit: .zero, held: .zero, outstanding: .zero, status: []),
                line: CreditLine(id: id, limit: limit, openedAt: now, updatedAt: now))
        case .placeHold(let holdID, let lineID, let amount, let expiresAt):
            if let expiresAt, expiresAt <= now { throw LedgerError(.invalidExpiry, details: "hold \(holdID)") }
            guard state.holds.position(of: holdID) == nil else { throw LedgerError(.holdAlreadyExists, details: "hold \(holdID)") }
            var transition = try ofLine(lineID, in: state, at: now)
            try transition.line.requireUsableForNewMoney()
            try transition.line.lock(amount)
            transition.hold = Hold(id: holdID, line: lineID, amount: amount, placedAt: now, expiresAt: expiresAt)
            return transition
        case .repay(let lineID, let amount):
            var transition = try ofLine(lineID, in: state, at: now)
            try transition.line.requireNotClosed()
            guard amount <= transition.line.outstanding else {
                throw LedgerError(.overRepayment, details: "line \(lineID) outstanding \(transition.line.outstanding.fen) repay \(amount.fen)")
            }
            transition.line.outstanding.fen -= amount.fen
            return transition
        case .adjustLimit(let lineID, let limit):
            var transition = try ofLine(lineID, in: state, at: now)
            try transition.line.requireNotClosed()
            transition.line.limit = limit
            return transition
        case .suspendLine(let lineID), .resumeLine(let lineID), .freezeLine(let lineID), .unfreezeLine(let lineID),
            .closeLine(let lineID):
            var transition = try ofLine(lineID, in: state, at: now)
            try transition.line.changeStatus(command)
            return transition
        case .increaseHold(let holdID, let amount):
            var transition = try ofOpenHold(holdID, in: state, at: now, allowExpired: false)
            try transition.line.requireUsableForNewMoney()
            try transition.line.lock(amount)
            transition.hold?.amount.fen += amount.fen
            return transition
        case .decreaseHold(let holdID, let amount):
            var transition = try ofOpenHold(holdID, in: state, at: now, allowExpired: false)
            let held = transition.hold?.amount ?? .zero
            guard amount <= held else {
                throw LedgerError(.insufficientHeld, details: "hold \(holdID) held \(held.fen) decrease \(amount.fen)")
            }
            transition.line.held.fen -= amount.fen
            transition.hold?.amount.fen -= amount.fen
            return transition
        case .captureHold(let holdID, let amount):
            var transition = try ofOpenHold(holdID, in: state, at: now, allowExpired: false)
            let held = transition.hold?.amount ?? .zero
            guard amount <= held else {
                throw LedgerError(.insufficientHeld, details: "hold \(holdID) held \(held.fen) capture \(amount.fen)")
            }
            let (outstanding, overflow) = transition.line.outstanding.fen.addingReportingOverflow(amount.fen)
            guard !overflow else { throw LedgerError(.amountOverflow, details: "line \(transition.line.id)") }
            transition.line.outstanding.fen = outstanding
            transition.end(as: .captured, capturing: amount, at: now)
            return transition
        case .reverseCapture(let holdID, let amount):
            guard let position = state.holds.position(of: holdID) else { throw LedgerError(.holdNotFound, details: "hold \(holdID)") }
            let hold = state.holds[position: position]
            guard hold.state == .captured else { throw LedgerError(.holdNotCaptured, details: "hold \(holdID) is \(hold.state)") }
            guard amount <= hold.captured else {
                throw LedgerError(.reversalExceedsCapture, details: "hold \(holdID) captured \(hold.captured.fen) reverse \(amount.fen)")
            }
            var transition = try ofLine(hold.line, in: state, at: now)
            guard amount <= transition.line.outstanding else {
                throw LedgerError(.overRepayment, details: "line \(hold.line) outstanding \(transition.line.outstanding.fen) reverse \(amount.fen)")
            }
            transition.line.outstanding.fen -= amount.fen
            transition.hold = hold
            transition.hold?.captured.fen -= amount.fen
            transition.holdPosition = position
            return transition
        case .voidHold(let holdID):
            var transition = try ofOpenHold(holdID, in: state, at: now, allowExpired: true)
            transition.end(as: .voided, capturing: .zero, at: now)
            return transition
        case .expireHold(let holdID):
            var transition = try ofOpenHold(holdID, in: state, at: now, allowExpired: true)
            guard transition.hold?.isExpired(at: now) == true else { throw LedgerError(.holdNotExpired, details: "hold \(holdID)") }
            transition.end(as: .expired, capturing: .zero, at: now)
            return transition
        }
    }

    /// Starts a transition of an existing line.
    @inline(__always)
    private static func ofLine(_ id: CreditLineID, in state: LedgerState, at now: Timestamp) throws(LedgerError) -> Transition {
        guard let position = state.lines.position(of: id) else { throw LedgerError(.lineNotFound, details: "line \(id)") }
        var line = state.lines[position: position]
        let before = line.balances
        line.updatedAt = now
        return Transition(before: before, line: line, linePosition: position)
    }

    /// Starts a transition of an open hold and its line.
    @inline(__always)
    private static func ofOpenHold(_ id: HoldID, in state: LedgerState, at now: Timestamp, allowExpired: Bool) throws(LedgerError) -> Transition {
        guard let position = state.holds.position(of: id) else { throw LedgerError(.holdNotFound, details: "hold \(id)") }
        let hold = state.holds[position: position]
        guard hold.state == .open else { throw LedgerError(.holdNotOpen, details: "hold \(id) is \(hold.state)") }
        guard allowExpired || !hold.isExpired(at: now) else { throw LedgerError(.holdExpired, details: "hold \(id)") }
        var transition = try ofLine(hold.line, in: state, at: now)
        try transition.line.requireNotClosed()
        transition.hold = hold
        transition.holdPosition = position
        return transition
    }

    /// Writes the line and the hold after the command into `state`.
    func store(in state: inout LedgerState) {
        if let linePosition { state.lines[position: linePosition] = line } else { state.lines.set(line, for: line.id) }
        guard let hold else { return }
        if let holdPosition { state.holds[position: holdPosition] = hold } else { state.holds.set(hold, for: hold.id) }
    }

    /// Ends the hold, moving `captured` to outstanding (done by the caller) and releasing the rest.
    private mutating func end(as state: HoldState, capturing captured: Money, at now: Timestamp) {
        guard var ended = hold else { return }
        line.held.fen -= ended.amount.fen
        ended.amount = .zero
        ended.captured = captured
        ended.state = state
        ended.endedAt = now
        hold = ended
    }

    /// Rejects malformed fields before anything is looked up.
    private static func validate(_ command: LedgerCommand) throws(LedgerError) {
        if let line = command.lineID, !line.isValid { throw LedgerError(.invalidIdentifier, details: "line") }
        if let hold = command.holdID, !hold.isValid { throw LedgerError(.invalidIdentifier, details: "hold") }
        guard let amount = command.amount else { return }
        switch command.kind {
        case .openLine, .adjustLimit:
            guard amount.fen >= 0 else { throw LedgerError(.invalidAmount, details: "limit \(amount.fen)") }
        default:
            guard amount.isPositive else { throw LedgerError(.invalidAmount, details: "amount \(amount.fen)") }
        }
    }
}

extension CreditLine {
    fileprivate func requireNotClosed() throws(LedgerError) {
        guard !status.contains(.closed) else { throw LedgerError(.lineClosed, details: "line \(id)") }
    }

    /// New or larger holds need an active line.
    fileprivate func requireUsableForNewMoney() throws(LedgerError) {
        try requireNotClosed()
        guard !status.contains(.frozen) else { throw LedgerError(.lineFrozen, details: "line \(id)") }
        guard !status.contains(.suspended) else { throw LedgerError(.lineSuspended, details: "line \(id)") }
    }

    /// Moves `amount` of available money into held.
    fileprivate mutating func lock(_ amount: Money) throws(LedgerError) {
        guard amount <= available else {
            throw LedgerError(.insufficientAvailable, details: "line \(id) available \(available.fen) need \(amount.fen)")
        }
        let (sum, overflow) = held.fen.addingReportingOverflow(amount.fen)
        guard !overflow else { throw LedgerError(.amountOverflow, details: "line \(id)") }
        held.fen = sum
    }

    fileprivate mutating func changeStatus(_ command: LedgerCommand) throws(LedgerError) {
        try requireNotClosed()
        let details = "line \(id)"
        switch command {
        case .suspendLine:
            guard status.insert(.suspended).inserted else { throw LedgerError(.lineSuspended, details: details) }
        case .resumeLine:
            guard status.remove(.suspended) != nil else { throw LedgerError(.lineNotSuspended, details: details) }
        case .freezeLine:
            guard status.insert(.frozen).inserted else { throw LedgerError(.lineFrozen, details: details) }
        case .unfreezeLine:
            guard status.remove(.frozen) != nil else { throw LedgerError(.lineNotFrozen, details: details) }
        default:
            guard held == .zero, outstanding == .zero else { throw LedgerError(.lineInUse, details: details) }
            status.insert(.closed)
        }
    }
}
