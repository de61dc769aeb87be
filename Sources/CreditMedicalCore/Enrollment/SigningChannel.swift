/// Where a patient (or an agent) signs or cancels the consent.
public enum SigningChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// The hospital's or the city's WeChat official account (公众号).
    case officialAccount = "official_account"
    /// A mini-program (小程序).
    case miniProgram = "mini_program"
    /// The bank's or the hospital's app.
    case app
    /// A self-service kiosk in the hospital (自助机).
    case kiosk
    /// The cashier's window, with staff.
    case cashierWindow = "cashier_window"
    /// The internet hospital (互联网医院).
    case internetHospital = "internet_hospital"
}

/// How an agent is related to the patient they act for (代签代付).
public enum FamilyRelation: String, Sendable, Hashable, Codable, CaseIterable {
    case spouse, parent, child, sibling
    /// A legal guardian who is not family.
    case guardian
}

/// Who signed: the patient, or an agent acting for them.
public enum ConsentSigner: Sendable, Hashable, Codable {
    case patient
    /// An agent (the HIS's id of the person) with their relation to the patient.
    case agent(id: String, relation: FamilyRelation)
}
