/// The ``CreditDataSource`` of a patient's record on this deployment's arrears list, for the
/// scorecard's past-defaults and credit-repair features: `arrears_in_force` (entries that
/// stand), `arrears_entries` (entries ever listed) and `days_since_credit_repair` (whole days
/// since the latest removal after repayment, missing as `noRecord` when none was removed). A
/// patient never listed gets every feature as `noRecord`; a store that cannot be read, as
/// `sourceDown`.
public struct ArrearsHistorySource: CreditDataSource {
    public let featureNames = ["arrears_in_force", "arrears_entries", "days_since_credit_repair"]
    let list: ArrearsList

    /// Reads `list`, with time from its ledger's clock.
    public init(list: ArrearsList) {
        self.list = list
    }

    public func features(of patient: String) async -> ApplicantFeatures {
        guard InputRules.identifierViolation(patient, maximumLength: ArrearsInput.maximumNameLength) == nil else { return missing(.noRecord) }
        do {
            let entries = try list.entries(of: patient)
            guard !entries.isEmpty else { return missing(.noRecord) }
            var features: ApplicantFeatures = [
                "arrears_in_force": .number(Double(entries.filter(\.isInForce).count)), "arrears_entries": .number(Double(entries.count)),
                "days_since_credit_repair": .missing(.noRecord),
            ]
            if let repaired = entries.compactMap(\.removedAt).max() {
                let since = list.now.millisecondsSince1970.subtractingReportingOverflow(repaired.millisecondsSince1970)
                if !since.overflow { features["days_since_credit_repair"] = .number(Double(since.partialValue / 86_400_000)) }
            }
            return features
        } catch {
            return missing(.sourceDown)
        }
    }

    private func missing(_ reason: MissingReason) -> ApplicantFeatures {
        ApplicantFeatures(Dictionary(uniqueKeysWithValues: featureNames.map { ($0, .missing(reason)) }))
    }
}
