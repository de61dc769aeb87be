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
    /// For a member line, its guarantor line: moved by the same held and outstanding deltas when
    /// the command moves money, else only consulted.
    var guarantor: GuarantorTransition?

    /// Decides what `command` does in `state` at `now`.
    static func decide(_ command: LedgerCommand, in state: LedgerState, at now: Timestamp) throws(LedgerError) -> Transition {
        var transition = try decideLine(command, in: state, at: now)
        if command.movesMoney {
            try transition.moveGuarantor(for: command)
        } else {
            transition.guarantor = nil
        }
        return transition
    }

    /// Decides what `command` does to the line it names (or its hold's line).
    private static func decideLine(_ command: LedgerCommand, in state: LedgerState, at now: Timestamp) throws(LedgerError) -> Transition {
        switch command {
        case .openLine(let id, let limit):
            return try opening(id, limit: limit, in: state)
        case .openMemberLine(let id, let guarantorID, let cap):
            let guarantor = try ofLine(guarantorID, in: state)
            try guarantor.after.requireNotClosed(guarantorID)
            guard guarantor.guarantor == nil else {
                throw LedgerError(.guarantorIsMemberLine, details: "line \(id) guarantor \(guarantorID)")
            }
            guard cap <= guarantor.after.limit else {
                throw LedgerError(.capAboveLine, details: "line \(id) cap \(cap.fen) guarantor \(guarantorID) limit \(guarantor.after.limit.fen)")
            }
            return try opening(id, limit: cap, in: state)
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
            let own = transition.ownOutstanding(in: state)
            guard amount <= own else {
                throw LedgerError(.owedByMembers, details: "line \(lineID) owes itself \(own.fen) repay \(amount.fen)")
            }
            transition.after.outstanding.fen -= amount.fen
            return transition
        case .adjustLimit(let lineID, let limit, _):
            var transition = try ofLine(lineID, in: state)
            try transition.after.requireNotClosed(lineID)
            transition.after.limit = limit
            if let guarantor = transition.guarantor, limit > guarantor.after.limit {
                throw LedgerError(.capAboveLine, details: "line \(lineID) cap \(limit.fen) guarantor \(guarantor.line) limit \(guarantor.after.limit.fen)")
            }
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
        case .reverseCapture(let holdID, let amount), .writeOff(let holdID, let amount, _):
            var transition = try ofCapturedHold(holdID, in: state)
            let captured = transition.hold?.captured ?? .zero
            guard amount <= captured else {
                throw LedgerError(.reversalExceedsCapture, details: "hold \(holdID) captured \(captured.fen) reverse \(amount.fen)")
            }
            let own = transition.ownOutstanding(in: state)
            guard amount <= own else {
                throw LedgerError(.overRepayment, details: "line \(transition.line) outstanding \(own.fen) reverse \(amount.fen)")
            }
            transition.reverse(amount)
            return transition
        case .reverseCaptureUpTo(let holdID, let amount):
            var transition = try ofCapturedHold(holdID, in: state)
            transition.reverse(min(amount, transition.hold?.captured ?? .zero, transition.ownOutstanding(in: state)))
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

    /// Starts a transition of a line that does not exist yet.
    private static func opening(_ id: CreditLineID, limit: Money, in state: LedgerState) throws(LedgerError) -> Transition {
        guard state.lines.position(of: id) == nil else { throw LedgerError(.lineAlreadyExists, details: "line \(id)") }
        let none = CreditLineBalances(limit: .zero, held: .zero, outstanding: .zero, status: [])
        return Transition(line: id, before: none, after: CreditLineBalances(limit: limit, held: .zero, outstanding: .zero, status: []))
    }

    /// Starts a transition of an existing line, with its guarantor line when it is a member line.
    @inline(__always)
    static func ofLine(_ id: CreditLineID, in state: LedgerState) throws(LedgerError) -> Transition {
        guard let position = state.lines.position(of: id) else { throw LedgerError(.lineNotFound, details: "line \(id)") }
        let balances = state.lines[position: position].balances
        var transition = Transition(line: id, before: balances, after: balances, linePosition: position)
        if let guarantor = state.lines[position: position].guarantor {
            transition.guarantor = try GuarantorTransition(guarantor, of: id, in: state)
        }
        return transition
    }

    /// What the line owes for its own holds: its outstanding amount less its members' part.
    func ownOutstanding(in state: LedgerState) -> Money {
        guard let linePosition else { return after.outstanding }
        return Money(fen: after.outstanding.fen - state.lines[position: linePosition].membersOutstanding.fen)
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
            var guarantorID: CreditLineID?
            if case .openMemberLine(_, let id, _) = command { guarantorID = id }
            state.lines.set(CreditLine(id: line, limit: after.limit, held: after.held, outstanding: after.outstanding,
                                       status: after.status, openedAt: now, updatedAt: now, guarantor: guarantorID), for: line)
        }
        if let guarantor {
            state.lines[position: guarantor.position].apply(guarantor.after, at: now)
            state.lines[position: guarantor.position].membersOutstanding = guarantor.membersOutstandingAfter
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
