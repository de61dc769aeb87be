public import CreditMedicalCore

/// What an encounter has been charged (账单): its charge items and refunds, and the net total.
///
/// Adding an item or a refund either succeeds or throws ``BillingError`` and leaves the bill as
/// it was. A refund's amount is the price of what was left of the item before it minus the price
/// of what is left after it, so an item refunded in any number of pieces returns its amount to
/// the fen.
public struct Bill: Sendable, Hashable {
    /// One charge item with what refunds left of it.
    public struct Line: Sendable, Hashable {
        public let item: ChargeItem
        /// The quantity not refunded.
        public internal(set) var quantity: Quantity
        /// The amount not refunded.
        public internal(set) var amount: Money
    }

    /// A refund with the amount it took off the bill.
    public struct Refund: Sendable, Hashable {
        public let refund: ChargeRefund
        public let amount: Money
    }

    /// The HIS encounter number.
    public let encounter: EncounterID
    /// The items in the order they were added, with what is left of each.
    public private(set) var lines: [Line] = []
    /// The refunds in the order they were made.
    public private(set) var refunds: [Refund] = []
    /// Charged minus refunded.
    public private(set) var total = Money.zero
    /// Everything charged, before refunds; never overflows, so no partial sum of the bill does.
    public private(set) var charged = Money.zero
    private var lineIndex: [ChargeItemID: Int] = [:]
    private var refundIDs: Set<ChargeItemID> = []

    public init(encounter: EncounterID) {
        self.encounter = encounter
    }

    /// Adds a charge item; returns its amount.
    @discardableResult
    public mutating func add(_ item: ChargeItem) throws(BillingError) -> Money {
        guard lineIndex[item.id] == nil, !refundIDs.contains(item.id) else {
            throw BillingError(.duplicateItem, details: "item \(item.id)")
        }
        charged = try Self.checked(charged.fen.addingReportingOverflow(item.amount.fen))
        total = Money(fen: total.fen + item.amount.fen)  // at most `charged`
        lineIndex[item.id] = lines.count
        lines.append(Line(item: item, quantity: item.quantity, amount: item.amount))
        return item.amount
    }

    /// Adds a refund; returns the amount it takes off the bill.
    @discardableResult
    public mutating func add(_ refund: ChargeRefund) throws(BillingError) -> Money {
        try BillingError.requireValid(refund.id, "refund")
        try BillingError.requireValid(refund.item, "refund item")
        guard lineIndex[refund.id] == nil, !refundIDs.contains(refund.id) else {
            throw BillingError(.duplicateItem, details: "refund \(refund.id)")
        }
        guard let index = lineIndex[refund.item] else { throw BillingError(.unknownItem, details: "item \(refund.item)") }
        guard refund.quantity.isPositive else { throw BillingError(.invalidQuantity, details: "refund \(refund.id)") }
        var line = lines[index]
        guard refund.quantity <= line.quantity else {
            throw BillingError(.refundExceedsItem, details: "item \(refund.item) left \(line.quantity) refund \(refund.quantity)")
        }
        line.quantity.thousandths -= refund.quantity.thousandths
        let left = try line.quantity.price(at: line.item.unitPrice)
        let amount = Money(fen: line.amount.fen - left.fen)
        line.amount = left
        lines[index] = line
        total = Money(fen: total.fen - amount.fen)
        refunds.append(Refund(refund: refund, amount: amount))
        refundIDs.insert(refund.id)
        return amount
    }

    /// The line of item `id`, if it is on the bill.
    public func line(_ id: ChargeItemID) -> Line? {
        lineIndex[id].map { lines[$0] }
    }

    /// The net amounts by insurance class: what 医保 rules apply to.
    public var totalsByInsuranceClass: [InsuranceClass: Money] {
        let fen = lines.reduce(into: [InsuranceClass: Int64]()) { totals, line in totals[line.item.insuranceClass, default: 0] += line.amount.fen }
        return fen.mapValues(Money.init(fen:))
    }

    private static func checked(_ result: (partialValue: Int64, overflow: Bool)) throws(BillingError) -> Money {
        guard !result.overflow else { throw BillingError(.amountOverflow, details: "bill total") }
        return Money(fen: result.partialValue)
    }
}
