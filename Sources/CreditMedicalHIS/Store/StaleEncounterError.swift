public import CreditMedicalCore

/// A store refused a commit because it would overwrite encounters that were written since the
/// writer read them: their stored ``Encounter/revision`` is not the one before the written one.
/// Nothing of the commit was stored. The ``CreditDesk`` reads such an encounter again and makes
/// its call again in its turn; it throws this error only when its turn did not come in time
/// (``CreditDesk/Configuration/contendedCallSeconds``).
public struct StaleEncounterError: CodedError {
    /// A stable, machine-readable code.
    public struct Code: ErrorCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Someone else wrote the encounters since they were read.
        public static let stale = Self(rawValue: "encounter.stale")

        public var sentence: String {
            self == .stale ? "The encounter was written by someone else since it was read; nothing was stored." : "Encounter error."
        }
    }

    /// The encounters whose stored revision did not match.
    public let encounters: [EncounterID]

    public init(encounters: [EncounterID]) {
        self.encounters = encounters
    }

    public var code: Code { .stale }
    public var context: [String: String] { ["encounters": "\(encounters.count)"] }
    public var details: String { encounters.map(\.rawValue).joined(separator: ", ") }
}
