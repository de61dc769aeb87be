/// What a desk made by
/// `CreditDesk.crashing(at:ledger:store:medicalInsurance:commercialInsurance:bank:notifications:configuration:)`
/// throws at its crash point, as if the process had died there: nothing after it ran.
///
/// Deliberately not a `CodedError`: the desk ends its claim on an encounter when a call fails
/// with a coded error, and a process that dies cannot do that.
public struct SimulatedCrash: Error, Sendable, Hashable {
    /// Where the checkout stopped.
    public let point: CheckoutCrashPoint
}
