/// The points between the steps of a checkout, where a test can act out a crash (see
/// `CheckoutRecoveryConformance`).
package enum CheckoutCheckpoint: CaseIterable, Sendable {
    case started, medicalQuoted, medicalCalled, commercialCalled, captureApplied, bankCalled, notified
}
