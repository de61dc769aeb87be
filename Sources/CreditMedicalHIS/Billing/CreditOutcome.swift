public import CreditMedicalCore

/// What bringing charges to credit did: how much more (or less) the line locks for the
/// encounter, how much excess the patient was asked to pay, and what the line has left.
public struct CreditOutcome: Sendable, Hashable {
    /// The encounter afterwards.
    public let encounter: Encounter
    /// Change of what the encounter's hold locks (negative after refunds).
    public let lockedChange: Money
    /// Change of the excess due now (negative when refunds took some back).
    public let excessChange: Money
    /// What the line had available when the call last looked at it or changed it; `nil` for an
    /// encounter not paid on credit, and when the call changed nothing.
    public let available: Money?
    /// The notifications this call put into the outbox.
    public let notifications: [PatientNotification]
}

