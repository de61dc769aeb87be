public import CreditMedicalCore

/// A billing input the SDK rejected; nothing was changed.
///
/// See `CodedError` for what `description` and `debugDescription` show.
public typealias BillingError = DomainError<BillingErrorDomain>

/// What ``BillingError``'s codes mean.
public enum BillingErrorDomain: ErrorDomain {
    public static func sentence(for code: BillingError.Code) -> String { code.domainSentence }
}

extension BillingError.Code {
    /// A quantity is not a decimal with at most three places, or not positive.
    public static let invalidQuantity = Self(rawValue: "billing.invalid_quantity")
    /// A unit price is negative.
    public static let invalidPrice = Self(rawValue: "billing.invalid_price")
    /// An amount would not fit into `Int64` fen.
    public static let amountOverflow = Self(rawValue: "billing.amount_overflow")
    /// An identifier breaks an `InputRule`; the context names the `field` and the `rule`.
    public static let invalidIdentifier = Self(rawValue: "billing.invalid_identifier")
    /// A text to be stored (a name, a department) is too long or has control characters other
    /// than newline and tab; the context names the `field` and the `rule`.
    public static let invalidText = Self(rawValue: "billing.invalid_text")
    /// A charge item with this id is on the bill already.
    public static let duplicateItem = Self(rawValue: "billing.duplicate_item")
    /// A refund names an item that is not on the bill.
    public static let unknownItem = Self(rawValue: "billing.unknown_item")
    /// A refund would return more than is left of the item.
    public static let refundExceedsItem = Self(rawValue: "billing.refund_exceeds_item")
    /// A settlement's parts do not add up to the bill total, or one of them is negative.
    public static let splitMismatch = Self(rawValue: "billing.split_mismatch")
    /// No encounter has this number.
    public static let encounterNotFound = Self(rawValue: "billing.encounter_not_found")
    /// An encounter with this number exists already, with other details.
    public static let encounterExists = Self(rawValue: "billing.encounter_exists")
    /// The encounter is settling, settled or cancelled, so it takes no charges or refunds.
    public static let encounterNotOpen = Self(rawValue: "billing.encounter_not_open")
    /// A credit encounter for a patient without a credit line.
    public static let notEnrolled = Self(rawValue: "billing.not_enrolled")
    /// Daily bills are for inpatient stays only.
    public static let notInpatient = Self(rawValue: "billing.not_inpatient")
    /// Cancelling an encounter that still has charges on its bill.
    public static let encounterHasCharges = Self(rawValue: "billing.encounter_has_charges")
    /// The encounter has no settlement that could be cancelled or reversed now.
    public static let notReversible = Self(rawValue: "billing.not_reversible")

    /// A human sentence for the code, free of personal data.
    var domainSentence: String {
        switch self {
        case .invalidQuantity: "A quantity must be a positive decimal with at most three places."
        case .invalidPrice: "A unit price must not be negative, and an amount must be its quantity times its price."
        case .amountOverflow: "The amount would not fit into a 64-bit number of fen."
        case .invalidIdentifier: "An identifier breaks an input rule (length, control, bidirectional or invisible characters, NFC)."
        case .invalidText: "A text is too long or has control characters other than newline and tab."
        case .duplicateItem: "The bill has a charge item with this id already."
        case .unknownItem: "The refund names a charge item that is not on the bill."
        case .refundExceedsItem: "The refund is more than is left of the charge item."
        case .splitMismatch: "The settlement's parts do not add up to the bill total."
        case .encounterNotFound: "No encounter has this number."
        case .encounterExists: "An encounter with this number exists already, with other details."
        case .encounterNotOpen: "The encounter is being settled or is closed; it takes no charges or refunds."
        case .notEnrolled: "The patient has no credit line, so the encounter cannot be paid on credit."
        case .notInpatient: "Daily bills are for inpatient stays only."
        case .encounterHasCharges: "Refund every charge before cancelling the encounter."
        case .notReversible: "The encounter has no settlement that can be cancelled or reversed now."
        default: "Billing error."
        }
    }
}
