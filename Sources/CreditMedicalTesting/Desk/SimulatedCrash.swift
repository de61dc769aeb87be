/// What a desk made by
/// `CreditDesk.crashing(at:ledger:store:medicalInsurance:commercialInsurance:bank:notifications:configuration:)`
/// throws at its crash point, as if the process had died there: nothing after it ran.
public struct SimulatedCrash: Error, Sendable, Hashable {
    /// Where the checkout stopped.
    public let point: CheckoutCrashPoint
}
