/// An arrears-list request refused; nothing was recorded, frozen or pushed.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public typealias ArrearsError = DomainError<ArrearsErrorDomain>

/// The domain of ``ArrearsError``: its codes are static members of `ArrearsError.Code`.
public enum ArrearsErrorDomain: ErrorDomain {
    public static let generalSentence = "Arrears list error."
}

extension ArrearsError.Code {
    /// An identifier or a text breaks an ``InputRule``; the context names the `field`, the `rule`
    /// and the `limit`.
    public static let invalidInput = Self("blacklist.invalid_input", "An identifier or a text breaks an input rule.")
    /// The amount owed of a listing is zero or negative.
    public static let invalidAmount = Self("blacklist.invalid_amount", "The amount owed must be positive.")
    /// No entry has this id.
    public static let entryNotFound = Self("blacklist.entry_not_found", "The arrears entry does not exist.")
    /// The entry has no appeal with this id.
    public static let appealNotFound = Self("blacklist.appeal_not_found", "The arrears entry has no appeal with this id.")
    /// The line a listing names is not in the ledger; the context names the `line`.
    public static let lineNotFound = Self("blacklist.line_not_found", "The credit line of the listing does not exist.")
    /// The id is recorded already with other details (another listing, appeal or decision); the
    /// context names the `field`.
    public static let requestConflict = Self("blacklist.request_conflict", "This id is recorded already with other details.")
    /// The entry's state does not allow this step (an appeal of a revoked entry, a decision on an
    /// appeal not under review); the context names the `state` and the `step`.
    public static let invalidTransition = Self("blacklist.invalid_transition", "The arrears entry's state does not allow this step.")
    /// The line still owes money, so the entry cannot be removed; the context says how much is
    /// `outstanding`, in fen.
    public static let balanceRemains = Self("blacklist.balance_remains",
                                           "The line still owes money; the entry is removed only after full repayment.")
    /// The cooling period after full repayment has not passed; the context names the
    /// `cooling_days`, when the line was `repaid_at` and when the entry may be removed
    /// (`removable_at`), in milliseconds since 1970.
    public static let coolingPeriod = Self("blacklist.cooling_period",
                                          "The cooling period after full repayment has not passed yet.")
}
