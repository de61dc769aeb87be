import CreditMedicalCore

extension CreditLine {
    /// Throws the ledger's error for a line that takes no new charges of an encounter of `kind`:
    /// a closed line takes none; a frozen or suspended one takes an emergency's only.
    func requireOpenForCharges(of kind: EncounterKind) throws(LedgerError) {
        if status.contains(.closed) { throw LedgerError(.lineClosed, details: "line \(id)") }
        guard kind != .emergency else { return }
        if status.contains(.frozen) { throw LedgerError(.lineFrozen, details: "line \(id)") }
        if status.contains(.suspended) { throw LedgerError(.lineSuspended, details: "line \(id)") }
    }
}
