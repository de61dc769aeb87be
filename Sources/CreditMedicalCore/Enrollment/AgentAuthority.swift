/// Who may sign and pay for whom (代签代付): the family registrations or guardianships the program
/// holds. A ``ConsentBook`` asks it before it records an agent's signature.
public protocol AgentAuthority: Sendable {
    /// How `agent` is registered to act for `patient`; `nil` when they may not.
    func relation(of agent: String, to patient: String) -> FamilyRelation?
}
