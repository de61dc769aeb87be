public import CreditMedicalCore

extension CreditDesk {
    /// Choices a hospital makes once.
    public struct Configuration: Sendable {
        /// What happens to charges the line cannot cover.
        public var excessPolicy: ExcessPolicy
        /// How inpatient stays are cut into daily bills.
        public var calendar: BillingCalendar
        /// How long the bank has to advance a settled amount to the hospital.
        public var advanceDueSeconds: Int64
        /// Whether concurrent calls share store transactions (group commit). Turning it off makes
        /// every write its own durable transaction; it exists to measure the difference.
        public var groupCommit: Bool
        /// How many charge records (items and refunds) of open encounters the desk keeps in memory
        /// with the encounters, as it last wrote them, so that the next call for an encounter reads
        /// neither it nor its bill (about 200 bytes per record); 0 keeps none. When another desk
        /// wrote the encounter in between, the store refuses the out-of-date write and the call is
        /// repeated on what the store holds.
        public var keptBillRecords: Int
        /// How long a call whose encounter another desk keeps changing (several processes or
        /// servers on one store) keeps waiting for its turn before it fails with
        /// ``StaleEncounterError``.
        public var contendedCallSeconds: Int64
        /// How long a desk's claim on an encounter lasts when the desk dies holding it
        /// (``EncounterClaim``); other desks wait that long for that encounter.
        public var claimSeconds: Int64
        /// In-visit warnings (事中预警): the line's use, in thousandths of its limit, at which a
        /// visit whose charges cross it tells the patient, once per threshold and visit. Empty for
        /// none.
        public var usageWarnings: [Int64]
        /// The institution (医疗机构) the desk serves: its encounters belong to it and the bank
        /// advances to its account.
        public var institution: InstitutionID
        /// Which lines the institution takes credit from (its banks, its consortium); `nil` takes
        /// every line.
        public var acceptedLines: LineAcceptance?
        /// Whether the program lets the 医保 personal account (个人账户) pay its part of the self-pay
        /// at settlement, before the credit line: a separate source in the split, never bank
        /// credit. Programs that keep the account for other uses turn it off.
        public var personalAccountPays: Bool
        /// The arrears check when a credit encounter opens: a patient listed here or in the
        /// registry gets `BillingError.Code.patientListed` naming the reason (emergencies are
        /// never checked); `nil` for none.
        public var arrears: ArrearsScreening?

        public init(excessPolicy: ExcessPolicy = .lockAvailable, calendar: BillingCalendar = BillingCalendar(),
                    advanceDueSeconds: Int64 = 86_400, groupCommit: Bool = true, keptBillRecords: Int = 200_000,
                    contendedCallSeconds: Int64 = 30, claimSeconds: Int64 = 30, usageWarnings: [Int64] = [800, 1_000],
                    institution: InstitutionID = .unnamed, acceptedLines: LineAcceptance? = nil, personalAccountPays: Bool = true,
                    arrears: ArrearsScreening? = nil) {
            self.excessPolicy = excessPolicy
            self.calendar = calendar
            self.advanceDueSeconds = advanceDueSeconds
            self.groupCommit = groupCommit
            self.keptBillRecords = keptBillRecords
            self.contendedCallSeconds = contendedCallSeconds
            self.claimSeconds = claimSeconds
            self.usageWarnings = usageWarnings
            self.institution = institution
            self.acceptedLines = acceptedLines
            self.personalAccountPays = personalAccountPays
            self.arrears = arrears
        }
    }
}
