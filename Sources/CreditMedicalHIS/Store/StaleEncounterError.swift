public import CreditMedicalCore

/// A store refused a commit because it would overwrite encounters that were written since the
/// writer read them: their stored ``Encounter/revision`` is not the one before the written one.
/// Nothing of the commit was stored. The ``CreditDesk`` reads such an encounter again and repeats
/// the call once.
public struct StaleEncounterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The encounters whose stored revision did not match.
    public let encounters: [EncounterID]

    public init(encounters: [EncounterID]) {
        self.encounters = encounters
    }

    public var description: String {
        "encounter.stale: \(encounters.count) encounter(s) were written by someone else since they were read"
    }
}
