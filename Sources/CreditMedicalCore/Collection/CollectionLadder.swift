/// The collection ladder (柔性追缴): what happens to an unpaid receivable, day by day around its due
/// date. Data loaded from JSON and validated on load, like the other policies; the presets follow
/// the seed programs. Steps run in order, each once per receivable (see ``OverdueJob``).
public struct CollectionLadder: Sendable, Hashable, Codable {
    /// The format this SDK writes; it reads this one and every earlier one.
    public static let currentFormatVersion = 1
    /// The `format` field of every ladder file.
    public static let formatName = "creditmedical.collection"

    public var format: String = CollectionLadder.formatName
    public var formatVersion: Int = CollectionLadder.currentFormatVersion
    public var id: String
    public var version: String
    /// The steps, in the order they happen: days strictly increasing.
    public var steps: [CollectionStep]

    public init(id: String, version: String, steps: [CollectionStep]) {
        self.id = id
        self.version = version
        self.steps = steps
    }
}

/// One rung of a ``CollectionLadder``.
public struct CollectionStep: Sendable, Hashable, Codable {
    /// The step's name, unique in its ladder: part of the ids of what it sends and of its ledger
    /// command, so renaming a step in a deployed ladder repeats it.
    public var name: String
    /// When it happens, in days from the due date: zero or less for reminders before and on the
    /// due day, 1 or more for steps once the receivable is overdue (after the grace period too).
    public var day: Int
    public var action: CollectionAction
    /// For ``CollectionAction/cutLimit``: the line's limit after the cut, in thousandths of the
    /// limit before it; `nil` for every other action.
    public var permille: Int64?

    public init(name: String, day: Int, action: CollectionAction, permille: Int64? = nil) {
        self.name = name
        self.day = day
        self.action = action
        self.permille = permille
    }
}

/// What a collection step does.
public enum CollectionAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// A reminder before or on the due date (还款提醒).
    case reminder
    /// A text message (短信催收).
    case sms
    /// A message in the bank's or hospital's app.
    case appMessage = "app_message"
    /// A task for the hospital's staff to contact the patient in person (人工联系), sent to the
    /// staff's work list through the notification sender.
    case staffContact = "staff_contact"
    /// Suspends new non-emergency credit on the line until it is repaid.
    case suspend
    /// Cuts the line's limit (to ``CollectionStep/permille`` of it) until it is repaid.
    case cutLimit = "cut_limit"
    /// Freezes the line until it is repaid.
    case freeze
    /// Hands the receivable over to the bank's own collection (移交银行催收).
    case bankCollection = "bank_collection"
    /// Puts the patient on the arrears list (欠费名单) through the ``CollectionListing``.
    case arrearsList = "arrears_list"

    /// Whether the step restricts the line until the receivable is paid.
    public var restricts: Bool { self == .suspend || self == .cutLimit || self == .freeze }

    /// Whether the step only tells the patient: a late run sends only the latest of these.
    var onlyTells: Bool { self == .reminder || self == .sms || self == .appMessage }
}
