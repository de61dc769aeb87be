/// A move to another store stopped: the ledger's copy (``LedgerCopier``; nothing after the
/// entry it names was copied) or the desk's (`EncounterCopier`; what was copied before stays in
/// the target).
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public typealias CopyError = DomainError<CopyErrorDomain>

/// The domain of ``CopyError``: its codes are static members of `CopyError.Code`.
public enum CopyErrorDomain: ErrorDomain {
    public static let generalSentence = "Copy error."
}

extension CopyError.Code {
    /// The target holds journal entries, encounters or notifications already.
    public static let targetNotEmpty = Self("copy.target_not_empty", "The target is not empty.")
    /// What was copied differs from the source; the context's `what` says what (a journal
    /// entry with its `sequence`, an encounter, the outbox).
    public static let differs = Self("copy.differs", "The copy differs from the source.")
}
