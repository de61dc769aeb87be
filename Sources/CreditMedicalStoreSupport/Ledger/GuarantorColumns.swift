package import CreditMedicalCore

/// How both SQL stores keep a journal entry's ``GuarantorMovement``: the guarantor's id, limit,
/// and held and outstanding amounts after the entry, four columns that are all NULL for an entry
/// that moved no guarantor.
package enum GuarantorColumns {
    /// The movement the four columns hold, `nil` when all are NULL; throws `invalid()` when only
    /// some are, which this SDK never writes.
    package static func movement<Failure: Error>(
        line: String?, limit: Int64?, heldAfter: Int64?, outstandingAfter: Int64?, invalid: @autoclosure () -> Failure
    ) throws(Failure) -> GuarantorMovement? {
        switch (line, limit, heldAfter, outstandingAfter) {
        case (nil, nil, nil, nil): return nil
        case (let line?, let limit?, let held?, let outstanding?):
            return GuarantorMovement(line: CreditLineID(line), limit: Money(fen: limit), heldAfter: Money(fen: held),
                                     outstandingAfter: Money(fen: outstanding))
        default: throw invalid()
        }
    }
}
