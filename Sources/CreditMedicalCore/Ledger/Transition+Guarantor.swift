extension Transition {
    /// Moves the guarantor line of a member line by the held and outstanding deltas the command
    /// decided for the member line. A larger held amount needs the guarantor usable for new money
    /// (for an `emergency` lock, not closed) and with that much available, as on the member line.
    mutating func moveGuarantor(for command: LedgerCommand) throws(LedgerError) {
        guard var moved = guarantor else { return }
        let emergency = if case .lockUpTo(_, _, _, .emergency) = command { true } else { false }
        let heldDelta = after.held.fen - before.held.fen
        let outstandingDelta = after.outstanding.fen - before.outstanding.fen
        if heldDelta > 0 {
            if emergency { try moved.after.requireNotClosed(moved.line) } else { try moved.after.requireUsableForNewMoney(moved.line) }
            try moved.after.lock(Money(fen: heldDelta), moved.line)
        } else {
            moved.after.held.fen += heldDelta
        }
        let (outstanding, overflow) = moved.after.outstanding.fen.addingReportingOverflow(outstandingDelta)
        guard !overflow else { throw LedgerError(.amountOverflow, details: "line \(moved.line)") }
        moved.after.outstanding.fen = outstanding
        // The members' part never exceeds the guarantor's outstanding amount, so it cannot overflow.
        moved.membersOutstandingAfter.fen += outstandingDelta
        guarantor = moved
    }
}

/// The guarantor line of a member line in a ``Transition``: its balances before and after the
/// command, and its members' part of what it owes.
struct GuarantorTransition {
    /// The guarantor line.
    var line: CreditLineID
    /// Where it is in the state.
    var position: Int
    var before: CreditLineBalances
    var after: CreditLineBalances
    /// ``CreditLine/membersOutstanding`` before and after the command.
    var membersOutstandingBefore: Money
    var membersOutstandingAfter: Money

    /// The guarantor `id` of `member`, as loaded in `state`. A store that did not load it makes
    /// every command on the member line fail with `LedgerError.Code.lineNotFound`.
    init(_ id: CreditLineID, of member: CreditLineID, in state: LedgerState) throws(LedgerError) {
        guard let position = state.lines.position(of: id) else {
            throw LedgerError(.lineNotFound, context: ["field": "guarantor"], details: "guarantor \(id) of line \(member)")
        }
        line = id
        self.position = position
        before = state.lines[position: position].balances
        after = before
        membersOutstandingBefore = state.lines[position: position].membersOutstanding
        membersOutstandingAfter = membersOutstandingBefore
    }
}
