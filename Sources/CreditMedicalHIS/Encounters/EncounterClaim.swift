public import CreditMedicalCore

/// One desk's claim on an encounter while it repeats a call that another desk's writes kept
/// interrupting: until it ends, other desks leave the encounter alone, so the call is not
/// interrupted again (several processes or servers on one store take turns fairly).
///
/// A claim is written like any change of the encounter (it takes the next revision, so a desk
/// writing at the same moment is refused), and the claimant's next write of the encounter ends
/// it. A claimant that dies leaves a claim that expires at ``until``.
public struct EncounterClaim: Sendable, Hashable, Codable {
    /// The desk that holds the claim (``CreditDesk/deskID``).
    public let desk: String
    /// When the claim lapses if its holder never ends it.
    public let until: Timestamp

    public init(desk: String, until: Timestamp) {
        self.desk = desk
        self.until = until
    }
}
