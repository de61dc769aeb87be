/// A command the ledger rejected. A rejected command changed nothing.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public typealias LedgerError = DomainError<LedgerErrorDomain>

/// The domain of ``LedgerError``: its codes are static members of `LedgerError.Code`.
public enum LedgerErrorDomain: ErrorDomain {
    public static let generalSentence = "Ledger error."
}

extension LedgerError.Code {
    /// An amount is zero or negative where a positive one is needed, or a limit is negative.
    public static let invalidAmount = Self("ledger.invalid_amount", "The amount must be positive (a limit may be zero).")
    /// An identifier or key breaks an ``InputRule``; the context names the `field` and the `rule`.
    public static let invalidIdentifier = Self(
        "ledger.invalid_identifier", "An identifier breaks an input rule (length, control, bidirectional or invisible characters, NFC).")
    /// An expiry time is not after the batch's time.
    public static let invalidExpiry = Self("ledger.invalid_expiry", "A hold's expiry time must be later than now.")
    /// A result would not fit into `Int64` fen.
    public static let amountOverflow = Self("ledger.amount_overflow", "The result would not fit into a 64-bit number of fen.")
    /// The same idempotency key was used before with a different command.
    public static let idempotencyConflict = Self(
        "ledger.idempotency_conflict", "This idempotency key was already used with a different command.")
    /// More commands in one submission than ``LedgerLimits/maximumBatchSize``.
    public static let batchTooLarge = Self("ledger.batch_too_large", "The submission has more commands than one batch may hold.")
    /// No line has this id.
    public static let lineNotFound = Self("ledger.line_not_found", "The credit line does not exist.")
    /// A line with this id exists already.
    public static let lineAlreadyExists = Self("ledger.line_already_exists", "A credit line with this id exists already.")
    /// The line is closed.
    public static let lineClosed = Self("ledger.line_closed", "The credit line is closed.")
    /// The line is frozen.
    public static let lineFrozen = Self("ledger.line_frozen", "The credit line is frozen.")
    /// The line is suspended.
    public static let lineSuspended = Self("ledger.line_suspended", "The credit line is suspended.")
    /// The line is not suspended, so it cannot be resumed.
    public static let lineNotSuspended = Self("ledger.line_not_suspended", "The credit line is not suspended.")
    /// The line is not frozen, so it cannot be unfrozen.
    public static let lineNotFrozen = Self("ledger.line_not_frozen", "The credit line is not frozen.")
    /// The line still has money held or outstanding, so it cannot be closed; the context says
    /// how much is `held` and `outstanding`, in fen.
    public static let lineInUse = Self("ledger.line_in_use", "The credit line still has money held or outstanding.")
    /// A member line's cap would be above its guarantor line's limit.
    public static let capAboveLine = Self("ledger.cap_above_line", "A member's cap may not be above the guarantor line's limit.")
    /// The guarantor named for a member line is itself a member line.
    public static let guarantorIsMemberLine = Self(
        "ledger.guarantor_is_member_line", "A member line cannot be the guarantor of another member line.")
    /// A repayment on a guarantor line is more than the line owes itself: the rest is its
    /// members', repaid on their lines.
    public static let owedByMembers = Self(
        "ledger.owed_by_members", "Part of what the line owes is its members'; repay that part on the member lines.")
    /// The line has less available than the hold needs.
    public static let insufficientAvailable = Self("ledger.insufficient_available", "The credit line does not have enough available.")
    /// No hold has this id.
    public static let holdNotFound = Self("ledger.hold_not_found", "The hold does not exist.")
    /// A hold with this id exists already (ids are never reused).
    public static let holdAlreadyExists = Self("ledger.hold_already_exists", "A hold with this id exists already.")
    /// The hold is on another line than the command names.
    public static let holdOnAnotherLine = Self("ledger.hold_on_another_line", "The hold is on another credit line.")
    /// The hold has ended (captured, voided or expired).
    public static let holdNotOpen = Self("ledger.hold_not_open", "The hold has already ended.")
    /// The hold is past its expiry time: it can only be voided or expired.
    public static let holdExpired = Self("ledger.hold_expired", "The hold has expired; it can only be voided or expired.")
    /// The hold has no expiry time or it has not come yet.
    public static let holdNotExpired = Self("ledger.hold_not_expired", "The hold has not reached an expiry time.")
    /// Decreasing or capturing more than the hold holds.
    public static let insufficientHeld = Self("ledger.insufficient_held", "The hold holds less than that.")
    /// Repaying (or reversing) more than is outstanding.
    public static let overRepayment = Self("ledger.over_repayment", "The repayment or reversal is more than is outstanding.")
    /// Reversing a capture of a hold that did not end captured.
    public static let holdNotCaptured = Self("ledger.hold_not_captured", "Only the capture of a captured hold can be reversed.")
    /// Reversing more than the hold captured (less what earlier reversals took back).
    public static let reversalExceedsCapture = Self("ledger.reversal_exceeds_capture", "The reversal is more than the hold captured.")
}
