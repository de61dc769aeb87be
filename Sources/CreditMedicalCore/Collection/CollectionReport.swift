/// How repayment and collection stand, per institution and per bank, at one time (贷后报表):
/// aging, collection and overdue rates, listings and write-offs. The institution is the one the
/// line was enrolled at (`platform` for a line of the whole platform), the bank the one that
/// granted it (`unknown` when the directory does not know the line). Money is summed with
/// overflow checks.
public struct CollectionReport: Sendable, Hashable, Codable {
    /// One institution's receivables with one bank.
    public struct Row: Sendable, Hashable, Codable {
        public let institution: String
        public let bank: String
        /// Receivables, and those overdue (owing after their grace period).
        public internal(set) var receivables = 0
        public internal(set) var overdue = 0
        /// What was charged (less reversals), repaid, written off and is still owed.
        public internal(set) var principal = Money.zero
        public internal(set) var repaid = Money.zero
        public internal(set) var writtenOff = Money.zero
        public internal(set) var owed = Money.zero
        /// What is owed, by aging bucket.
        public internal(set) var aging = Aging()
        /// What has fallen due (the principal of receivables past their due date) and how much
        /// of it was repaid.
        public internal(set) var fallenDue = Money.zero
        public internal(set) var repaidOfFallenDue = Money.zero
        /// What write-offs put on the credit insurer (claims) and on the fiscal subsidy.
        public internal(set) var insuranceClaims = Money.zero
        public internal(set) var subsidies = Money.zero
        /// Lines with a listing standing on the arrears list.
        public internal(set) var listedLines = 0

        /// Repaid of what has fallen due, in thousandths (回收率); 1,000 when nothing has.
        public var collectionRatePermille: Int64 { Self.permille(repaidOfFallenDue, of: fallenDue, none: 1_000) }
        /// Owed after the grace period, of everything owed, in thousandths (逾期率).
        public var overdueRatePermille: Int64 {
            Self.permille(Money(fen: owed.fen - aging.current.fen), of: owed, none: 0)
        }

        mutating func add(_ receivable: Receivable, at time: Timestamp) throws(MoneyError) {
            receivables += 1
            principal = try principal.adding(receivable.principal)
            repaid = try repaid.adding(receivable.repaid)
            writtenOff = try writtenOff.adding(receivable.writtenOff)
            owed = try owed.adding(receivable.owed)
            try aging.add(receivable.owed, to: receivable.bucket(at: time))
            if receivable.isOverdue(at: time) { overdue += 1 }
            if receivable.dueAt <= time {
                fallenDue = try fallenDue.adding(receivable.principal)
                repaidOfFallenDue = try repaidOfFallenDue.adding(receivable.repaid)
            }
        }

        mutating func add(_ record: WriteOffRecord) throws(MoneyError) {
            insuranceClaims = try insuranceClaims.adding(record.insuranceClaim)
            subsidies = try subsidies.adding(record.subsidy)
        }

        private static func permille(_ part: Money, of whole: Money, none: Int64) -> Int64 {
            guard whole.isPositive else { return none }
            let (product, overflow) = part.fen.multipliedReportingOverflow(by: 1_000)
            return overflow ? part.fen / (whole.fen / 1_000) : product / whole.fen
        }
    }

    /// What is owed in each ``AgingBucket``.
    public struct Aging: Sendable, Hashable, Codable {
        public internal(set) var current = Money.zero
        public internal(set) var days1To30 = Money.zero
        public internal(set) var days31To60 = Money.zero
        public internal(set) var days61To90 = Money.zero
        public internal(set) var over90 = Money.zero

        mutating func add(_ amount: Money, to bucket: AgingBucket) throws(MoneyError) {
            switch bucket {
            case .current: current = try current.adding(amount)
            case .days1To30: days1To30 = try days1To30.adding(amount)
            case .days31To60: days31To60 = try days31To60.adding(amount)
            case .days61To90: days61To90 = try days61To90.adding(amount)
            case .over90: over90 = try over90.adding(amount)
            }
        }

        var all: [Money] { [current, days1To30, days31To60, days61To90, over90] }
    }

    /// When the report was made.
    public let at: Timestamp
    /// The rows, ordered by institution and bank.
    public let rows: [Row]

    /// Reads every receivable of `book` (up to date with the ledger), `pageSize` at a time, and
    /// groups them by their line's account in `directory`. `listed` says which lines have a
    /// listing standing on the arrears list.
    public init(book: ReceivableBook, directory: (any CreditLineDirectory)?, at time: Timestamp,
                listed: Set<CreditLineID> = [], pageSize: Int = 10_000) throws {
        try book.catchUp()
        var rows: [String: Row] = [:]
        var accounts: [CreditLineID: (institution: String, bank: String)] = [:]
        func account(_ line: CreditLineID) throws -> (institution: String, bank: String) {
            if let known = accounts[line] { return known }
            let found = try directory?.account(of: line)
            let account = (found?.institution?.rawValue ?? (found == nil ? "unknown" : "platform"), found?.bank ?? "unknown")
            accounts[line] = account
            return account
        }
        var after: HoldID?
        while true {
            let page = try book.store.receivables(after: after, limit: pageSize)
            for receivable in page {
                let (institution, bank) = try account(receivable.line)
                try rows["\(institution)\u{0}\(bank)", default: Row(institution: institution, bank: bank)].add(receivable, at: time)
            }
            guard page.count == pageSize, let last = page.last else { break }
            after = last.hold
        }
        var written: Int64 = 0
        while true {
            let page = try book.store.writeOffs(after: written, limit: pageSize)
            for record in page.records {
                let (institution, bank) = try account(record.line)
                try rows["\(institution)\u{0}\(bank)", default: Row(institution: institution, bank: bank)].add(record)
            }
            guard let last = page.last else { break }
            written = last
        }
        for line in listed {
            let (institution, bank) = try account(line)
            rows["\(institution)\u{0}\(bank)", default: Row(institution: institution, bank: bank)].listedLines += 1
        }
        self.at = time
        self.rows = rows.values.sorted { ($0.institution, $0.bank) < ($1.institution, $1.bank) }
    }

    /// The rows as CSV, ordered by institution and bank, money in yuan with two decimals, rates in
    /// thousandths.
    public var csv: String {
        let header = "institution,bank,receivables,overdue,principal,repaid,written_off,owed,current,days_1_30,days_31_60,days_61_90,"
            + "over_90,insurance_claims,subsidies,collection_rate_permille,overdue_rate_permille,listed_lines"
        let lines = rows.map { row in
            ([CSV.field(row.institution), CSV.field(row.bank), "\(row.receivables)", "\(row.overdue)"]
                + ([row.principal, row.repaid, row.writtenOff, row.owed] + row.aging.all + [row.insuranceClaims, row.subsidies]).map(CSV.yuan)
                + ["\(row.collectionRatePermille)", "\(row.overdueRatePermille)", "\(row.listedLines)"]).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }
}
