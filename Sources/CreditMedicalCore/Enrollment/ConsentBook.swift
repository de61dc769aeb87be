/// Records signatures and cancellations of consents, through a channel, by the patient or an
/// agent with authority, and tells where a patient stands. Every event is kept: a re-signature
/// after a new version and a re-enrollment after a cancellation add to the history.
public struct ConsentBook: Sendable {
    /// Every version of every document; the highest version of a document is its current one.
    public let documents: [ConsentDocument]
    public let store: any ConsentStore
    public let authority: any AgentAuthority
    public let clock: any TimeSource

    public init(documents: [ConsentDocument], store: any ConsentStore, authority: any AgentAuthority, clock: any TimeSource) {
        self.documents = documents
        self.store = store
        self.authority = authority
        self.clock = clock
    }

    /// The current version of `document`.
    public func current(_ document: String) throws(EnrollmentError) -> ConsentDocument {
        guard let current = documents.filter({ $0.id == document }).max(by: { $0.version < $1.version }) else {
            throw EnrollmentError(.unknownDocument, context: ["document": document])
        }
        return current
    }

    /// Records `patient`'s signature of `document` in `version`, which must be the current one.
    /// An event id recorded before answers that event when it is the same request.
    public func sign(_ document: String, version: Int, patient: String, channel: SigningChannel, signer: ConsentSigner,
                     id: String) throws -> ConsentEvent {
        let current = try current(document)
        guard version == current.version else {
            throw EnrollmentError(.unknownVersion, context: ["document": document, "version": "\(version)", "current": "\(current.version)"])
        }
        return try record(.signed, document: document, version: version, patient: patient, channel: channel, signer: signer, id: id)
    }

    /// Records the cancellation (解约) of `patient`'s consent to `document`.
    public func cancel(_ document: String, patient: String, channel: SigningChannel, signer: ConsentSigner, id: String) throws -> ConsentEvent {
        let current = try current(document)
        if let recorded = try recorded(id, patient: patient) { return recorded }
        guard try standing(of: patient, in: document).inForce else { throw EnrollmentError(.notSigned, context: ["document": document]) }
        return try record(.cancelled, document: document, version: current.version, patient: patient, channel: channel, signer: signer, id: id)
    }

    /// Where `patient` stands with `document`.
    public func standing(of patient: String, in document: String) throws -> ConsentStanding {
        let current = try current(document)
        guard let last = try store.events(of: patient).last(where: { $0.document == document }) else { return .neverSigned }
        switch last.action {
        case .cancelled: return .cancelled
        case .signed: return last.version == current.version ? .signed(version: last.version) : .outdated(signed: last.version, current: current.version)
        }
    }

    /// Throws `EnrollmentError.Code.agentWithoutAuthority` unless `signer` is the patient or an
    /// agent the ``authority`` registers for `patient` in the relation claimed.
    public func checkAuthority(of signer: ConsentSigner, for patient: String) throws(EnrollmentError) {
        if case .agent(let agent, let relation) = signer, authority.relation(of: agent, to: patient) != relation {
            throw EnrollmentError(.agentWithoutAuthority, context: ["relation": relation.rawValue], details: "agent \(agent) for \(patient)")
        }
    }

    private func record(_ action: ConsentEvent.Action, document: String, version: Int, patient: String, channel: SigningChannel,
                        signer: ConsentSigner, id: String) throws -> ConsentEvent {
        for (field, value) in [("patient", patient), ("id", id)] {
            if let rule = InputRules.identifierViolation(value, maximumLength: 128) {
                throw EnrollmentError(.invalidInput, context: ["field": field, "rule": rule.rawValue, "limit": "128"])
            }
        }
        try checkAuthority(of: signer, for: patient)
        let event = ConsentEvent(id: id, patient: patient, document: document, version: version, action: action, channel: channel,
                                 signer: signer, at: clock.now())
        if let recorded = try recorded(id, patient: patient) {
            guard recorded.document == document, recorded.version == version, recorded.action == action, recorded.signer == signer else {
                throw EnrollmentError(.eventConflict, context: ["field": "id"], details: id)
            }
            return recorded
        }
        try store.append([event])
        return try store.event(id: id) ?? event
    }

    /// The event `id`, when it is recorded for `patient`; an id of another patient's event is a conflict.
    private func recorded(_ id: String, patient: String) throws -> ConsentEvent? {
        guard let recorded = try store.event(id: id) else { return nil }
        guard recorded.patient == patient else { throw EnrollmentError(.eventConflict, context: ["field": "id"], details: id) }
        return recorded
    }
}
