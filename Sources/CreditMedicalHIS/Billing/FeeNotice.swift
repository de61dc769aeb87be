public import CreditMedicalCore

/// The patient-facing fee notice (费用告知): what was charged, grouped by category, and once the
/// bill is settled who pays which part.
public struct FeeNotice: Sendable, Hashable {
    /// One category's line on the notice.
    public struct Category: Sendable, Hashable {
        public let category: ChargeCategory
        /// Net amount of the category's items.
        public internal(set) var amount: Money
        /// The part of ``amount`` in 医保 class C (丙类), which insurance never pays.
        public internal(set) var classC: Money
        /// How many items.
        public internal(set) var itemCount: Int
    }

    public let encounter: EncounterID
    /// Categories with items, in the order of `ChargeCategory.allCases`.
    public let categories: [Category]
    public let total: Money
    /// Who pays what, once settled.
    public let split: SettlementSplit?

    /// The notice of `bill`, with its settlement split when there is one.
    public init(bill: Bill, split: SettlementSplit? = nil) {
        // Parts of the bill's total, which passed a checked sum: they cannot overflow.
        var sums = ChargeCategory.allCases.map { (category: $0, fen: Int64(0), classC: Int64(0), items: 0) }
        for line in bill.lines {
            guard let index = sums.firstIndex(where: { $0.category == line.item.category }) else { continue }
            sums[index].fen += line.amount.fen
            if line.item.insuranceClass == .c { sums[index].classC += line.amount.fen }
            sums[index].items += 1
        }
        categories = sums.filter { $0.items > 0 }.map {
            Category(category: $0.category, amount: Money(fen: $0.fen), classC: Money(fen: $0.classC), itemCount: $0.items)
        }
        encounter = bill.encounter
        total = bill.total
        self.split = split
    }

    /// The notice as text for an SMS, app message or printout.
    public var text: String {
        var text = "费用告知 就诊号 \(encounter)"
        text.reserveCapacity(64 * (categories.count + 7))
        func line(_ label: String, _ amount: Money) {
            text += "\n"
            text += label
            text += amount.description
        }
        for category in categories {
            line("\(category.category.chineseName)（\(category.itemCount)项）", category.amount)
        }
        line("合计 ", total)
        if let split {
            line("医保统筹支付 ", split.fund)
            line("个人账户支付 ", split.personalAccount)
            line("商业保险支付 ", split.commercial)
            line("信用就医（先诊疗后付费）", split.credit)
            if split.excess.isPositive { line("超出信用额度，请现场支付 ", split.excess) }
        }
        return text
    }
}
