/// What puts a patient on the arrears list (欠费名单 / 失信名单): who, why, how much, which rule,
/// and the line that is frozen while the entry stands. The collection ladder or an operator
/// submits it to ``ArrearsList/list(_:)``.
public struct ArrearsListing: Sendable, Hashable, Codable {
    /// The entry's id; listing again under it is a retry.
    public var entry: ArrearsEntryID
    /// The patient's id in the HIS.
    public var patient: String
    /// The patient as every institution of the region names them (see ``ArrearsSubject``).
    public var subject: ArrearsSubject
    /// The line in arrears, frozen while the entry stands.
    public var line: CreditLineID
    /// The institution (医疗机构) whose bills are in arrears, named in the registry.
    public var institution: InstitutionID
    /// How much is owed, in fen; positive.
    public var amount: Money
    /// Why, as the patient and other institutions are told.
    public var reason: BilingualText
    /// The id of the rule that listed the patient, such as a collection ladder's step
    /// (`overdue_90_days`).
    public var rule: String

    public init(entry: ArrearsEntryID, patient: String, subject: ArrearsSubject, line: CreditLineID, institution: InstitutionID = .unnamed,
                amount: Money, reason: BilingualText, rule: String) {
        self.entry = entry
        self.patient = patient
        self.subject = subject
        self.line = line
        self.institution = institution
        self.amount = amount
        self.reason = reason
        self.rule = rule
    }

    /// Throws `ArrearsError.Code.invalidInput` naming the field and the rule when an id or the
    /// reason breaks an ``InputRule`` (the reason needs some text in Chinese or in English), and
    /// `ArrearsError.Code.invalidAmount` when the amount is not positive.
    public func validate() throws(ArrearsError) {
        try ArrearsInput.check(entry, "entry")
        try ArrearsInput.check(patient, "patient")
        try ArrearsInput.check(subject, "subject")
        try ArrearsInput.check(line, "line")
        try ArrearsInput.check(institution, "institution")
        try ArrearsInput.check(rule, "rule")
        try ArrearsInput.check(reason, "reason")
        guard amount.isPositive else { throw ArrearsError(.invalidAmount, details: "\(amount)") }
    }

    /// What the registry is told: the subject, not the patient's id or line.
    func registryListing(at listedAt: Timestamp) -> RegistryListing {
        RegistryListing(entry: entry, institution: institution, subject: subject, amount: amount, reason: reason, rule: rule, listedAt: listedAt)
    }
}
