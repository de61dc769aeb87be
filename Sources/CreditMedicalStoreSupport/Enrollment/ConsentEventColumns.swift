package import CreditMedicalCore

/// How both SQL stores keep a ``ConsentEvent``, column by column, in `consent_events`.
package enum ConsentEventColumns {
    /// The history of consent events; a patient's are read in the order signed (`at, seq`).
    package static let table = HistoryTable<ConsentEvent>(
        "consent_events", of: "consent event",
        columns: ["id", "patient_id", "document", "version", "action", "channel", "agent_id", "agent_relation", "at"], key: "id",
        values: values, decode: { event($0) })

    /// The values of the table's columns for `event`; the agent's id and relation are NULL when the
    /// patient signed.
    static func values(_ event: ConsentEvent) -> [StoredValue] {
        var agent: String?, relation: String?
        if case .agent(let id, let kin) = event.signer { (agent, relation) = (id, kin.rawValue) }
        return [.text(event.id), .text(event.patient), .text(event.document), .integer(Int64(event.version)), .text(event.action.rawValue),
                .text(event.channel.rawValue), .optional(agent), .optional(relation), .integer(event.at.millisecondsSince1970)]
    }

    /// The event of a row of the table's columns; `nil` when a value is not one this SDK wrote.
    static func event(_ row: some StoredRow) -> ConsentEvent? {
        guard let id = row.text(0), let patient = row.text(1), let document = row.text(2),
              let version = row.integer(3).flatMap({ Int(exactly: $0) }), let action = row.text(4).flatMap(ConsentEvent.Action.init),
              let channel = row.text(5).flatMap(SigningChannel.init), let at = row.integer(8)
        else { return nil }
        let signer: ConsentSigner
        switch (row.text(6), row.text(7)) {
        case (nil, nil): signer = .patient
        case (let agent?, let relation?):
            guard let relation = FamilyRelation(rawValue: relation) else { return nil }
            signer = .agent(id: agent, relation: relation)
        default: return nil
        }
        return ConsentEvent(id: id, patient: patient, document: document, version: version, action: action, channel: channel,
                            signer: signer, at: Timestamp(millisecondsSince1970: at))
    }
}
