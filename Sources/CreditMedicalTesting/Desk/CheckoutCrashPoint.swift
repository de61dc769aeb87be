package import CreditMedicalHIS

/// A point between two steps of a checkout where a test acts out a crash of the HIS process: after
/// the checkout was recorded as begun, after the 医保 quote, after the 医保 settlement, after the 商保
/// claim, after the capture on the credit line, after the bank was told, after the fee notice was
/// sent. A desk from
/// `CreditDesk.crashing(at:ledger:store:medicalInsurance:commercialInsurance:bank:notifications:configuration:)`
/// throws ``SimulatedCrash`` there; `CheckoutRecoveryConformance` crashes at each in turn.
public enum CheckoutCrashPoint: String, CaseIterable, Sendable {
    case started, medicalQuoted, medicalCalled, commercialCalled, captureApplied, bankCalled, notified

    /// The crash point of one of the desk's checkpoints.
    package init(_ checkpoint: CheckoutCheckpoint) {
        self = switch checkpoint {
        case .started: .started
        case .medicalQuoted: .medicalQuoted
        case .medicalCalled: .medicalCalled
        case .commercialCalled: .commercialCalled
        case .captureApplied: .captureApplied
        case .bankCalled: .bankCalled
        case .notified: .notified
        }
    }
}
