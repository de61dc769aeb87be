package import CreditMedicalCore

/// How both SQL stores keep a journal entry's ``GuarantorMovement``: the guarantor's id and its
/// held and outstanding amounts after the entry, three columns that are all NULL for an entry
/// that moved no guarantor.
package enum GuarantorColumns {
    /// The movement the three columns hold, `nil` when all are NULL; throws `invalid()` when only
    /// some are, which this SDK never writes.
    package static func movement<Failure: Error>(
        line: String?, heldAfter: Int64?, outstandingAfter: Int64?, invalid: @autoclosure () -> Failure
    ) throws(Failure) -> GuarantorMovement? {
        switch (line, heldAfter, outstandingAfter) {
        case (nil, nil, nil): return nil
        case (let line?, let held?, let outstanding?):
            return GuarantorMovement(line: CreditLineID(line), heldAfter: Money(fen: held), outstandingAfter: Money(fen: outstanding))
        default: throw invalid()
        }
    }
}
