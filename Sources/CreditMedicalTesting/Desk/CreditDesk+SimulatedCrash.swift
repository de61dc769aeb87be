public import CreditMedicalCore
public import CreditMedicalHIS

extension CreditDesk {
    /// A desk that throws ``SimulatedCrash`` when a checkout reaches `point`, for crash tests:
    /// make it over a store and the parties, let its checkout crash, then make an ordinary desk
    /// over the store opened again (as a restarted process would) and call
    /// `CreditDesk.resumeCheckouts(limit:)`. Every other call works as on an ordinary desk.
    public static func crashing(
        at point: CheckoutCrashPoint, ledger: Ledger, store: any EncounterStore, medicalInsurance: any MedicalInsuranceAdapter,
        commercialInsurance: (any CommercialInsuranceAdapter)?, bank: any CreditProviderAdapter, notifications: any NotificationSender,
        configuration: Configuration = Configuration()
    ) -> CreditDesk {
        CreditDesk(ledger: ledger, store: store, medicalInsurance: medicalInsurance, commercialInsurance: commercialInsurance, bank: bank,
                   notifications: notifications, configuration: configuration,
                   checkpoint: { if CheckoutCrashPoint($0) == point { throw SimulatedCrash(point: point) } })
    }
}
