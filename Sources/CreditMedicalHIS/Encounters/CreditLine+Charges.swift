import CreditMedicalCore

extension CreditLine {
    /// Throws the ledger's error for a line that takes no new charges.
    func requireOpenForCharges() throws(LedgerError) {
        if status.contains(.closed) { throw LedgerError(.lineClosed, details: "line \(id)") }
        if status.contains(.frozen) { throw LedgerError(.lineFrozen, details: "line \(id)") }
        if status.contains(.suspended) { throw LedgerError(.lineSuspended, details: "line \(id)") }
    }
}
