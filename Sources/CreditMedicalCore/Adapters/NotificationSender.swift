/// What a notification tells the patient about.
public enum PatientNotificationKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Charges were locked on the credit line.
    case chargesLocked = "charges_locked"
    /// Part of the charges is beyond the credit line and should be paid now.
    case excessDue = "excess_due"
    /// The credit line has nothing left for this encounter.
    case creditExhausted = "credit_exhausted"
    /// A visit's charges brought the line's use to a warning threshold, such as 80 % (事中预警).
    case usageWarning = "usage_warning"
    /// The encounter was settled; the message carries the fee notice.
    case settled
    /// A settlement was reversed.
    case settlementReversed = "settlement_reversed"
    /// A review changed the credit line: a new tier and limit, a probation limit, or a suspension.
    case limitReviewed = "limit_reviewed"
    /// A repayment falls due soon or today (还款提醒).
    case repaymentReminder = "repayment_reminder"
    /// A repayment is overdue: a text message.
    case overdueText = "overdue_sms"
    /// A repayment is overdue: a message in the app.
    case overdueAppMessage = "overdue_app"
    /// A task for the hospital's staff to contact the patient about an overdue repayment.
    case staffContact = "staff_contact"
    /// New non-emergency credit is restricted until an overdue repayment is made; emergency care
    /// is not.
    case creditRestricted = "credit_restricted"
    /// The restrictions were lifted after repayment.
    case restrictionLifted = "restriction_lifted"
    /// An overdue repayment was handed over to the bank's collection.
    case collectionHandover = "collection_handover"
    /// The patient was put on an arrears list (欠费名单), an appeal was decided, or the entry was
    /// removed after repayment.
    case arrears
}

/// One message to a patient (or the agent who acts for them).
public struct PatientNotification: Sendable, Hashable, Codable {
    /// Makes sending safe to retry: a sender delivers each id at most once.
    public let id: AdapterRequestID
    /// The patient's id in the HIS.
    public let patient: String
    public let kind: PatientNotificationKind
    /// The text, free of other people's data.
    public let text: String

    public init(id: AdapterRequestID, patient: String, kind: PatientNotificationKind, text: String) {
        self.id = id
        self.patient = patient
        self.kind = kind
        self.text = text
    }
}

/// Sends notifications to patients: SMS, app push, mini-program message.
///
/// Conforming types MUST deliver each notification id at most once, also when ``send(_:)`` is
/// called again after a timeout or a crash, and MUST throw ``AdapterError`` when delivery is not
/// certain, so the SDK keeps the notification in its outbox and tries again.
public protocol NotificationSender: Sendable {
    func send(_ notification: PatientNotification) async throws
}
