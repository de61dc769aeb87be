public import CreditMedicalCore
import Synchronization

/// An `AgentAuthority` that knows the agents registered with ``register(_:for:as:)``.
public final class FakeAgentAuthority: AgentAuthority {
    private let registrations = Mutex<[String: FamilyRelation]>([:])

    public init() {}

    /// Lets `agent` act for `patient` as `relation`.
    public func register(_ agent: String, for patient: String, as relation: FamilyRelation) {
        registrations.withLock { $0["\(agent)\u{0}\(patient)"] = relation }
    }

    public func relation(of agent: String, to patient: String) -> FamilyRelation? {
        registrations.withLock { $0["\(agent)\u{0}\(patient)"] }
    }
}
