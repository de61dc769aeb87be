/// Where a patient stands with a consent, from their recorded events.
public enum ConsentStanding: Sendable, Hashable {
    /// No signature was ever recorded.
    case neverSigned
    /// The current version is signed.
    case signed(version: Int)
    /// An earlier version is signed; the patient must sign the current one.
    case outdated(signed: Int, current: Int)
    /// The last event cancelled the consent.
    case cancelled

    /// Whether the consent is in force in its current version.
    public var isCurrent: Bool { if case .signed = self { true } else { false } }

    /// Whether a signature stands, in the current version or an earlier one: there is something
    /// to cancel.
    public var inForce: Bool {
        switch self {
        case .signed, .outdated: true
        case .neverSigned, .cancelled: false
        }
    }
}
