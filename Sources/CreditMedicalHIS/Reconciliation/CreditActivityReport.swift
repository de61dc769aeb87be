public import CreditMedicalCore

/// What credit care did, per institution and per bank (a city platform's or a consortium's
/// report): completed settlements, what they charged to credit, what the insurers paid, the
/// excess paid at the window, and the advances requested and paid. Reversed settlements are
/// left out. Money is summed with overflow checks.
public struct CreditActivityReport: Sendable, Hashable {
    /// One institution's business with one bank.
    public struct Key: Sendable, Hashable, Comparable {
        public let institution: InstitutionID
        /// The bank of the encounters' lines; `unknown` when the directory does not know a line.
        public let bank: String

        public init(institution: InstitutionID, bank: String) {
            self.institution = institution
            self.bank = bank
        }

        public static func < (left: Key, right: Key) -> Bool {
            (left.institution, left.bank) < (right.institution, right.bank)
        }
    }

    /// The sums of a row.
    public struct Totals: Sendable, Hashable {
        public internal(set) var settlements = 0
        public internal(set) var credit = Money.zero
        public internal(set) var medicalInsurance = Money.zero
        public internal(set) var commercialInsurance = Money.zero
        public internal(set) var excess = Money.zero
        public internal(set) var advancesRequested = 0
        public internal(set) var advancesPaid = 0

        mutating func add(_ other: Totals) throws(MoneyError) {
            settlements += other.settlements
            credit = try credit.adding(other.credit)
            medicalInsurance = try medicalInsurance.adding(other.medicalInsurance)
            commercialInsurance = try commercialInsurance.adding(other.commercialInsurance)
            excess = try excess.adding(other.excess)
            advancesRequested += other.advancesRequested
            advancesPaid += other.advancesPaid
        }
    }

    /// The rows, by institution and bank.
    public let rows: [Key: Totals]

    /// Reads every encounter of `store`, `pageSize` at a time, and looks its line's bank up in
    /// `directory`.
    public init(store: any EncounterStore, directory: any CreditLineDirectory, pageSize: Int = 500) throws {
        var rows: [Key: Totals] = [:]
        var after: EncounterID?
        while true {
            let page = try store.encounters(after: after, limit: pageSize)
            for encounter in page {
                let bank = try encounter.creditLine.flatMap { try directory.account(of: $0)?.bank } ?? "unknown"
                for record in try store.settlements(of: encounter.id) where record.step == .completed {
                    guard let split = record.split else { continue }
                    var totals = Totals(settlements: 1, credit: split.credit, medicalInsurance: try split.fund.adding(split.personalAccount),
                                        commercialInsurance: split.commercial, excess: split.excess)
                    totals.advancesRequested = record.advanceDueBy == nil ? 0 : 1
                    totals.advancesPaid = record.advancePaidAt == nil ? 0 : 1
                    try rows[Key(institution: encounter.institution, bank: bank), default: Totals()].add(totals)
                }
            }
            guard let last = page.last, page.count == pageSize else { break }
            after = last.id
        }
        self.rows = rows
    }

    /// The rows summed per institution.
    public func byInstitution() throws(MoneyError) -> [InstitutionID: Totals] {
        try summed { $0.institution }
    }

    /// The rows summed per bank.
    public func byBank() throws(MoneyError) -> [String: Totals] {
        try summed { $0.bank }
    }

    /// The rows as CSV, ordered by institution and bank, money in yuan with two decimals.
    public var csv: String {
        let header = "institution,bank,settlements,credit,medical_insurance,commercial_insurance,excess,advances_requested,advances_paid"
        let lines = rows.keys.sorted().map { key in
            let row = rows[key] ?? Totals()
            let money = [row.credit, row.medicalInsurance, row.commercialInsurance, row.excess].map(CSV.yuan)
            return ([CSV.field(key.institution.rawValue), CSV.field(key.bank), "\(row.settlements)"] + money
                + ["\(row.advancesRequested)", "\(row.advancesPaid)"]).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    private func summed<Group: Hashable>(_ group: (Key) -> Group) throws(MoneyError) -> [Group: Totals] {
        var sums: [Group: Totals] = [:]
        for (key, totals) in rows { try sums[group(key), default: Totals()].add(totals) }
        return sums
    }
}
