/// A command the ledger rejected. A rejected command changed nothing.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public typealias LedgerError = DomainError<LedgerErrorDomain>

/// What ``LedgerError``'s codes mean.
public enum LedgerErrorDomain: ErrorDomain {
    public static func sentence(for code: LedgerError.Code) -> String { code.domainSentence }
}

extension LedgerError.Code {
    /// An amount is zero or negative where a positive one is needed, or a limit is negative.
    public static let invalidAmount = Self(rawValue: "ledger.invalid_amount")
    /// An identifier or key breaks an ``InputRule``; the context names the `field` and the `rule`.
    public static let invalidIdentifier = Self(rawValue: "ledger.invalid_identifier")
    /// An expiry time is not after the batch's time.
    public static let invalidExpiry = Self(rawValue: "ledger.invalid_expiry")
    /// A result would not fit into `Int64` fen.
    public static let amountOverflow = Self(rawValue: "ledger.amount_overflow")
    /// The same idempotency key was used before with a different command.
    public static let idempotencyConflict = Self(rawValue: "ledger.idempotency_conflict")
    /// More commands in one submission than ``LedgerLimits/maximumBatchSize``.
    public static let batchTooLarge = Self(rawValue: "ledger.batch_too_large")
    /// No line has this id.
    public static let lineNotFound = Self(rawValue: "ledger.line_not_found")
    /// A line with this id exists already.
    public static let lineAlreadyExists = Self(rawValue: "ledger.line_already_exists")
    /// The line is closed.
    public static let lineClosed = Self(rawValue: "ledger.line_closed")
    /// The line is frozen.
    public static let lineFrozen = Self(rawValue: "ledger.line_frozen")
    /// The line is suspended.
    public static let lineSuspended = Self(rawValue: "ledger.line_suspended")
    /// The line is not suspended, so it cannot be resumed.
    public static let lineNotSuspended = Self(rawValue: "ledger.line_not_suspended")
    /// The line is not frozen, so it cannot be unfrozen.
    public static let lineNotFrozen = Self(rawValue: "ledger.line_not_frozen")
    /// The line still has money held or outstanding, so it cannot be closed.
    public static let lineInUse = Self(rawValue: "ledger.line_in_use")
    /// The line has less available than the hold needs.
    public static let insufficientAvailable = Self(rawValue: "ledger.insufficient_available")
    /// No hold has this id.
    public static let holdNotFound = Self(rawValue: "ledger.hold_not_found")
    /// A hold with this id exists already (ids are never reused).
    public static let holdAlreadyExists = Self(rawValue: "ledger.hold_already_exists")
    /// The hold is on another line than the command names.
    public static let holdOnAnotherLine = Self(rawValue: "ledger.hold_on_another_line")
    /// The hold has ended (captured, voided or expired).
    public static let holdNotOpen = Self(rawValue: "ledger.hold_not_open")
    /// The hold is past its expiry time: it can only be voided or expired.
    public static let holdExpired = Self(rawValue: "ledger.hold_expired")
    /// The hold has no expiry time or it has not come yet.
    public static let holdNotExpired = Self(rawValue: "ledger.hold_not_expired")
    /// Decreasing or capturing more than the hold holds.
    public static let insufficientHeld = Self(rawValue: "ledger.insufficient_held")
    /// Repaying (or reversing) more than is outstanding.
    public static let overRepayment = Self(rawValue: "ledger.over_repayment")
    /// Reversing a capture of a hold that did not end captured.
    public static let holdNotCaptured = Self(rawValue: "ledger.hold_not_captured")
    /// Reversing more than the hold captured (less what earlier reversals took back).
    public static let reversalExceedsCapture = Self(rawValue: "ledger.reversal_exceeds_capture")

    /// A human sentence for the code, free of personal data.
    var domainSentence: String {
        switch self {
        case .invalidAmount: "The amount must be positive (a limit may be zero)."
        case .invalidIdentifier: "An identifier breaks an input rule (length, control, bidirectional or invisible characters, NFC)."
        case .invalidExpiry: "A hold's expiry time must be later than now."
        case .amountOverflow: "The result would not fit into a 64-bit number of fen."
        case .idempotencyConflict: "This idempotency key was already used with a different command."
        case .batchTooLarge: "The submission has more commands than one batch may hold."
        case .lineNotFound: "The credit line does not exist."
        case .lineAlreadyExists: "A credit line with this id exists already."
        case .lineClosed: "The credit line is closed."
        case .lineFrozen: "The credit line is frozen."
        case .lineSuspended: "The credit line is suspended."
        case .lineNotSuspended: "The credit line is not suspended."
        case .lineNotFrozen: "The credit line is not frozen."
        case .lineInUse: "The credit line still has money held or outstanding."
        case .insufficientAvailable: "The credit line does not have enough available."
        case .holdNotFound: "The hold does not exist."
        case .holdAlreadyExists: "A hold with this id exists already."
        case .holdOnAnotherLine: "The hold is on another credit line."
        case .holdNotOpen: "The hold has already ended."
        case .holdExpired: "The hold has expired; it can only be voided or expired."
        case .holdNotExpired: "The hold has not reached an expiry time."
        case .insufficientHeld: "The hold holds less than that."
        case .overRepayment: "The repayment or reversal is more than is outstanding."
        case .holdNotCaptured: "Only the capture of a captured hold can be reversed."
        case .reversalExceedsCapture: "The reversal is more than the hold captured."
        default: "Ledger error."
        }
    }
}
