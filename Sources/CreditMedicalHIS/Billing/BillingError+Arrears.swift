import CreditMedicalCore

extension BillingError {
    /// `Code.patientListed` for `listing`: the context names its institution, rule and reason (in
    /// Chinese and in English), the details the patient, entry and amount.
    static func patientListed(_ listing: RegistryListing, patient: String) -> BillingError {
        BillingError(.patientListed, context: [
            "institution": listing.institution.rawValue, "rule": listing.rule,
            "reason": "\(listing.reason.chinese) / \(listing.reason.english)",
        ], details: "patient \(patient), entry \(listing.entry), owes \(listing.amount)")
    }
}
