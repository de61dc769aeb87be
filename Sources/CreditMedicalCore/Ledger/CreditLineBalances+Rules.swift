// The rules a line's balances and flags set for the commands the state machine decides.
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

    mutating func changeStatus(_ command: LedgerCommand, _ line: CreditLineID) throws(LedgerError) {
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
            guard held == .zero, outstanding == .zero else {
                throw LedgerError(.lineInUse, context: ["held": "\(held.fen)", "outstanding": "\(outstanding.fen)"], details: details)
            }
            status.insert(.closed)
        }
    }
}
