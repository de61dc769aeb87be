public import CreditMedicalCore
public import CreditMedicalHIS

/// The outside parties of a `CreditDesk` as fakes, together: medical insurance, a commercial
/// insurer, the bank and the notification channel. They keep their state across desks, as the
/// real parties outlive a crashed HIS process.
public struct FakeParties: Sendable {
    public let medicalInsurance: FakeMedicalInsurance
    public let commercialInsurance: FakeCommercialInsurance
    public let bank: FakeCreditProvider
    public let notifications: FakeNotificationSender

    public init(medical: FakeMedicalInsurance.Policy = .init(), commercial: FakeCommercialInsurance.Policy = .init()) {
        medicalInsurance = FakeMedicalInsurance(policy: medical)
        commercialInsurance = FakeCommercialInsurance(policy: commercial)
        bank = FakeCreditProvider()
        notifications = FakeNotificationSender()
    }

    /// A desk over `ledger` and `store` that talks to these fakes.
    public func desk(ledger: Ledger, store: any EncounterStore, configuration: CreditDesk.Configuration = .init()) -> CreditDesk {
        CreditDesk(ledger: ledger, store: store, medicalInsurance: medicalInsurance, commercialInsurance: commercialInsurance,
                   bank: bank, notifications: notifications, configuration: configuration)
    }
}
