public import CreditMedicalCore

/// A billing input the SDK rejected; nothing was changed.
///
/// See `CodedError` for what `description` and `debugDescription` show.
public typealias BillingError = DomainError<BillingErrorDomain>

/// The domain of ``BillingError``: its codes are static members of `BillingError.Code`.
public enum BillingErrorDomain: ErrorDomain {
    public static let generalSentence = "Billing error."
}

extension BillingError.Code {
    /// A quantity is not a decimal with at most three places, or not positive.
    public static let invalidQuantity = Self("billing.invalid_quantity", "A quantity must be a positive decimal with at most three places.")
    /// A unit price is negative.
    public static let invalidPrice = Self(
        "billing.invalid_price", "A unit price must not be negative, and an amount must be its quantity times its price.")
    /// An amount would not fit into `Int64` fen.
    public static let amountOverflow = Self("billing.amount_overflow", "The amount would not fit into a 64-bit number of fen.")
    /// An identifier breaks an `InputRule`; the context names the `field` and the `rule`.
    public static let invalidIdentifier = Self(
        "billing.invalid_identifier", "An identifier breaks an input rule (length, control, bidirectional or invisible characters, NFC).")
    /// A text to be stored (a name, a department) is too long or has control characters other
    /// than newline and tab; the context names the `field` and the `rule`.
    public static let invalidText = Self("billing.invalid_text", "A text is too long or has control characters other than newline and tab.")
    /// A charge item with this id is on the bill already.
    public static let duplicateItem = Self("billing.duplicate_item", "The bill has a charge item with this id already.")
    /// A refund names an item that is not on the bill.
    public static let unknownItem = Self("billing.unknown_item", "The refund names a charge item that is not on the bill.")
    /// A refund would return more than is left of the item.
    public static let refundExceedsItem = Self("billing.refund_exceeds_item", "The refund is more than is left of the charge item.")
    /// A settlement's parts do not add up to the bill total, or one of them is negative.
    public static let splitMismatch = Self("billing.split_mismatch", "The settlement's parts do not add up to the bill total.")
    /// No encounter has this number.
    public static let encounterNotFound = Self("billing.encounter_not_found", "No encounter has this number.")
    /// An encounter with this number exists already, with other details.
    public static let encounterExists = Self(
        "billing.encounter_exists", "An encounter with this number exists already, with other details.")
    /// The encounter is settling, settled or cancelled, so it takes no charges or refunds.
    public static let encounterNotOpen = Self(
        "billing.encounter_not_open", "The encounter is being settled or is closed; it takes no charges or refunds.")
    /// A credit encounter for a patient without a credit line.
    public static let notEnrolled = Self(
        "billing.not_enrolled", "The patient has no credit line, so the encounter cannot be paid on credit.")
    /// The institution does not take credit from this line's bank or institution
    /// (``LineAcceptance``); the context names the `line`, its `bank` and `institution`.
    public static let lineNotAccepted = Self("billing.line_not_accepted", "This institution does not take credit from this line.")
    /// The patient is on an arrears list (欠费名单), here or at another institution of the region,
    /// so no new credit is given (emergency care still is); the context names the listing's
    /// `institution`, `rule` and `reason`.
    public static let patientListed = Self("billing.patient_listed",
                                          "The patient is on an arrears list; no new credit until the listing is lifted.")
    /// Daily bills are for inpatient stays only.
    public static let notInpatient = Self("billing.not_inpatient", "Daily bills are for inpatient stays only.")
    /// Cancelling an encounter that still has charges on its bill.
    public static let encounterHasCharges = Self("billing.encounter_has_charges", "Refund every charge before cancelling the encounter.")
    /// The encounter has no settlement that could be cancelled or reversed now.
    public static let notReversible = Self(
        "billing.not_reversible", "The encounter has no settlement that can be cancelled or reversed now.")
}
