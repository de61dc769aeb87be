/// The decided effect of one command: the line's balances (and the hold's) before and after it,
/// or a thrown rejection.
///
/// It keeps plain values, not copies of the stored line and hold: copying those would copy their
/// identifiers, with a reference-count update each, which cost the state machine a large share of
/// its speed. ``store(_:in:at:)`` writes the new values into the state in place.
struct Transition {
    /// The line the command changes (for hold commands, the hold's line).
    var line: CreditLineID
    /// The line's balances before the command (zero for a new line) and after it.
    var before: CreditLineBalances
    var after: CreditLineBalances
    /// Where the line is in the state; `nil` when the command opens it.
    var linePosition: Int?
    /// The hold after the command, for hold commands.
    var hold: HoldChange?
    /// Where the hold is in the state; `nil` when the command places it.
    var holdPosition: Int?

    /// Decides what `command` does in `state` at `now`.
    static func decide(_ command: LedgerCommand, in state: LedgerState, at now: Timestamp) throws(LedgerError) -> Transition {
        switch command {
        case .openLine(let id, let limit):
            guard state.lines.position(of: id) == nil else { throw LedgerError(.lineAlreadyExists, details: "line \(id)") }
            let none = CreditLineBalances(limit: .zero, held: .zero, outstanding: .zero, status: [])
            return Transition(line: id, before: none, after: CreditLineBalances(limit: limit, held: .zero, outstanding: .zero, status: []))
        case .placeHold(let holdID, let lineID, let amount, let expiresAt):
            if let expiresAt, expiresAt <= now { throw LedgerError(.invalidExpiry, details: "hold \(holdID)") }
            guard state.holds.position(of: holdID) == nil else { throw LedgerError(.holdAlreadyExists, details: "hold \(holdID)") }
            var transition = try ofLine(lineID, in: state)
            try transition.after.requireUsableForNewMoney(lineID)
            try transition.after.lock(amount, lineID)
            transition.hold = HoldChange(amount: amount, captured: .zero, state: .open, endedAt: nil)
            return transition
        case .repay(let lineID, let amount):
            var transition = try ofLine(lineID, in: state)
            try transition.after.requireNotClosed(lineID)
            guard amount <= transition.after.outstanding else {
                throw LedgerError(.overRepayment, details: "line \(lineID) outstanding \(transition.after.outstanding.fen) repay \(amount.fen)")
            }
            transition.after.outstanding.fen -= amount.fen
            return transition
        case .adjustLimit(let lineID, let limit, _):
            var transition = try ofLine(lineID, in: state)
            try transition.after.requireNotClosed(lineID)
            transition.after.limit = limit
            return transition
        case .suspendLine(let lineID), .resumeLine(let lineID), .freezeLine(let lineID), .unfreezeLine(let lineID),
            .closeLine(let lineID):
            var transition = try ofLine(lineID, in: state)
            try transition.after.changeStatus(command, lineID)
            return transition
        case .increaseHold(let holdID, let amount):
            var transition = try ofOpenHold(holdID, in: state, at: now, allowExpired: false)
            try transition.after.requireUsableForNewMoney(transition.line)
            try transition.after.lock(amount, transition.line)
            transition.hold?.amount.fen += amount.fen
            return transition
        case .decreaseHold(let holdID, let amount):
            var transition = try ofOpenHold(holdID, holding: amount, to: "decrease", in: state, at: now)
            transition.after.held.fen -= amount.fen
            transition.hold?.amount.fen -= amount.fen
            return transition
        case .captureHold(let holdID, let amount):
            var transition = try ofOpenHold(holdID, holding: amount, to: "capture", in: state, at: now)
            let (outstanding, overflow) = transition.after.outstanding.fen.addingReportingOverflow(amount.fen)
            guard !overflow else { throw LedgerError(.amountOverflow, details: "line \(transition.line)") }
            transition.after.outstanding.fen = outstanding
            transition.end(as: .captured, capturing: amount, at: now)
            return transition
        case .reverseCapture(let holdID, let amount):
            var transition = try ofCapturedHold(holdID, in: state)
            let captured = transition.hold?.captured ?? .zero
            guard amount <= captured else {
                throw LedgerError(.reversalExceedsCapture, details: "hold \(holdID) captured \(captured.fen) reverse \(amount.fen)")
            }
            guard amount <= transition.after.outstanding else {
                throw LedgerError(.overRepayment,
                                  details: "line \(transition.line) outstanding \(transition.after.outstanding.fen) reverse \(amount.fen)")
            }
            transition.reverse(amount)
            return transition
        case .reverseCaptureUpTo(let holdID, let amount):
            var transition = try ofCapturedHold(holdID, in: state)
            transition.reverse(min(amount, transition.hold?.captured ?? .zero, transition.after.outstanding))
            return transition
        case .lockUpTo(let holdID, let lineID, let target, let rule):
            return try lock(holdID, on: lineID, to: target, rule, in: state, at: now)
        case .voidHold(let holdID):
            var transition = try ofOpenHold(holdID, in: state, at: now, allowExpired: true)
            transition.end(as: .voided, capturing: .zero, at: now)
            return transition
        case .expireHold(let holdID):
            var transition = try ofOpenHold(holdID, in: state, at: now, allowExpired: true)
            guard let position = transition.holdPosition, state.holds[position: position].isExpired(at: now) else {
                throw LedgerError(.holdNotExpired, details: "hold \(holdID)")
            }
            transition.end(as: .expired, capturing: .zero, at: now)
            return transition
        }
    }

    /// Starts a transition of an existing line.
    @inline(__always)
    static func ofLine(_ id: CreditLineID, in state: LedgerState) throws(LedgerError) -> Transition {
        guard let position = state.lines.position(of: id) else { throw LedgerError(.lineNotFound, details: "line \(id)") }
        let balances = state.lines[position: position].balances
        return Transition(line: id, before: balances, after: balances, linePosition: position)
    }

    /// Starts a transition of an open, unexpired hold that holds at least `amount`, for taking it
    /// out (`verb` names how, in the rejection).
    @inline(__always)
    static func ofOpenHold(
        _ id: HoldID, holding amount: Money, to verb: StaticString, in state: LedgerState, at now: Timestamp
    ) throws(LedgerError) -> Transition {
        let transition = try ofOpenHold(id, in: state, at: now, allowExpired: false)
        let held = transition.hold?.amount ?? .zero
        guard amount <= held else {
            throw LedgerError(.insufficientHeld, details: "hold \(id) held \(held.fen) \(verb) \(amount.fen)")
        }
        return transition
    }

    /// Starts a transition of an open hold and its line.
    @inline(__always)
    static func ofOpenHold(_ id: HoldID, in state: LedgerState, at now: Timestamp, allowExpired: Bool) throws(LedgerError) -> Transition {
        guard let position = state.holds.position(of: id) else { throw LedgerError(.holdNotFound, details: "hold \(id)") }
        let hold = state.holds[position: position].change
        guard hold.state == .open else { throw LedgerError(.holdNotOpen, details: "hold \(id) is \(hold.state)") }
        guard allowExpired || !state.holds[position: position].isExpired(at: now) else {
            throw LedgerError(.holdExpired, details: "hold \(id)")
        }
        var transition = try ofLine(state.holds[position: position].line, in: state)
        try transition.after.requireNotClosed(transition.line)
        transition.hold = hold
        transition.holdPosition = position
        return transition
    }

    /// Writes the line and the hold after `command` into `state`, in place where they exist.
    func store(_ command: LedgerCommand, in state: inout LedgerState, at now: Timestamp) {
        if let linePosition {
            state.lines[position: linePosition].apply(after, at: now)
        } else {
            state.lines.set(CreditLine(id: line, limit: after.limit, held: after.held, outstanding: after.outstanding,
                                       status: after.status, openedAt: now, updatedAt: now), for: line)
        }
        guard let hold else { return }
        if let holdPosition {
            state.holds[position: holdPosition].apply(hold)
        } else if let id = command.holdID {
            var expiresAt: Timestamp?
            if case .placeHold(_, _, _, let expiry) = command { expiresAt = expiry }
            state.holds.set(Hold(id: id, line: line, amount: hold.amount, placedAt: now, expiresAt: expiresAt), for: id)
        }
    }

    /// Ends the hold, moving `captured` to outstanding (done by the caller) and releasing the rest.
    mutating func end(as state: HoldState, capturing captured: Money, at now: Timestamp) {
        guard var ended = hold else { return }
        after.held.fen -= ended.amount.fen
        ended.amount = .zero
        ended.captured = captured
        ended.state = state
        ended.endedAt = now
        hold = ended
    }
}

/// The parts of a hold a command changes; plain values.
struct HoldChange {
    var amount: Money
    var captured: Money
    var state: HoldState
    var endedAt: Timestamp?
}

extension Hold {
    var change: HoldChange { HoldChange(amount: amount, captured: captured, state: state, endedAt: endedAt) }

    fileprivate mutating func apply(_ change: HoldChange) {
        amount = change.amount
        captured = change.captured
        state = change.state
        endedAt = change.endedAt
    }
}

extension CreditLine {
    fileprivate mutating func apply(_ balances: CreditLineBalances, at now: Timestamp) {
        limit = balances.limit
        held = balances.held
        outstanding = balances.outstanding
        status = balances.status
        updatedAt = now
    }
}

extension CreditLineBalances {
    func requireNotClosed(_ line: CreditLineID) throws(LedgerError) {
        guard !status.contains(.closed) else { throw LedgerError(.lineClosed, details: "line \(line)") }
    }

    /// New or larger holds need an active line.
    func requireUsableForNewMoney(_ line: CreditLineID) throws(LedgerError) {
        try requireNotClosed(line)
        guard !status.contains(.frozen) else { throw LedgerError(.lineFrozen, details: "line \(line)") }
        guard !status.contains(.suspended) else { throw LedgerError(.lineSuspended, details: "line \(line)") }
    }

    /// Moves `amount` of available money into held.
    mutating func lock(_ amount: Money, _ line: CreditLineID) throws(LedgerError) {
        guard amount <= available else {
            throw LedgerError(.insufficientAvailable, details: "line \(line) available \(available.fen) need \(amount.fen)")
        }
        let (sum, overflow) = held.fen.addingReportingOverflow(amount.fen)
        guard !overflow else { throw LedgerError(.amountOverflow, details: "line \(line)") }
        held.fen = sum
    }

    fileprivate mutating func changeStatus(_ command: LedgerCommand, _ line: CreditLineID) throws(LedgerError) {
        try requireNotClosed(line)
        let details = "line \(line)"
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
