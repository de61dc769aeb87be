package import CreditMedicalCore

/// How both SQL stores keep a ``ConsentEvent``, column by column.
package struct ConsentEventColumns: Sendable {
    package let id: String
    package let patient: String
    package let document: String
    package let version: Int64
    package let action: String
    package let channel: String
    /// The agent's id and relation; `nil` when the patient signed.
    package let agent: String?
    package let relation: String?
    package let at: Int64

    /// The columns of `event`.
    package init(_ event: ConsentEvent) {
        id = event.id
        patient = event.patient
        document = event.document
        version = Int64(event.version)
        action = event.action.rawValue
        channel = event.channel.rawValue
        switch event.signer {
        case .patient: (agent, relation) = (nil, nil)
        case .agent(let id, let kin): (agent, relation) = (id, kin.rawValue)
        }
        at = event.at.millisecondsSince1970
    }

    package init(id: String, patient: String, document: String, version: Int64, action: String, channel: String, agent: String?,
                 relation: String?, at: Int64) {
        (self.id, self.patient, self.document, self.version) = (id, patient, document, version)
        (self.action, self.channel, self.agent, self.relation, self.at) = (action, channel, agent, relation, at)
    }

    /// The event these columns hold; `nil` when a value is not one this SDK wrote.
    package var event: ConsentEvent? {
        guard let action = ConsentEvent.Action(rawValue: action), let channel = SigningChannel(rawValue: channel) else { return nil }
        let signer: ConsentSigner
        switch (agent, relation) {
        case (nil, nil): signer = .patient
        case (let agent?, let relation?):
            guard let relation = FamilyRelation(rawValue: relation) else { return nil }
            signer = .agent(id: agent, relation: relation)
        default: return nil
        }
        return ConsentEvent(id: id, patient: patient, document: document, version: Int(version), action: action, channel: channel,
                            signer: signer, at: Timestamp(millisecondsSince1970: at))
    }
}
