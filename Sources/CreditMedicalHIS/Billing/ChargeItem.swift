public import CreditMedicalCore

/// Identifies a charge item or a refund as the HIS numbers them; unique within an encounter.
public struct ChargeItemID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// One line of what the HIS charged (费用明细): an item from its catalogue, how much of it, at
/// what price, who ordered it and when.
///
/// The ``amount`` is fixed when the item is made: ``quantity`` × ``unitPrice``, rounded to the
/// fen half away from zero (see ``Quantity/price(at:)``).
public struct ChargeItem: Sendable, Hashable, Codable {
    /// The HIS's id of this charge line.
    public let id: ChargeItemID
    /// The item code in the HIS catalogue (for 医保, the national code).
    public let code: String
    /// The item's name as the patient should read it.
    public let name: String
    public let category: ChargeCategory
    public let insuranceClass: InsuranceClass
    /// How much was given; fractions such as 0.5 box are allowed.
    public let quantity: Quantity
    /// The price of one unit.
    public let unitPrice: Money
    /// `quantity × unitPrice`, rounded to the fen.
    public let amount: Money
    /// The ordering department and doctor.
    public let department: String
    public let doctor: String
    /// When the item was charged.
    public let time: Timestamp

    /// A charge item; throws ``BillingError`` for an id or code that breaks an `InputRule`, a
    /// name, department or doctor that cannot be stored as text, a quantity that is not
    /// positive, a negative price or an amount that overflows.
    public init(
        id: ChargeItemID, code: String, name: String, category: ChargeCategory, insuranceClass: InsuranceClass,
        quantity: Quantity, unitPrice: Money, department: String = "", doctor: String = "", time: Timestamp
    ) throws(BillingError) {
        self.id = id
        self.code = code
        self.name = name
        self.category = category
        self.insuranceClass = insuranceClass
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = try quantity.price(at: unitPrice)
        self.department = department
        self.doctor = doctor
        self.time = time
        try validate()
    }

    /// Throws what the initializer throws for this item's fields; the desk calls it for every
    /// item it is given, also one decoded from elsewhere, whose amount must be its quantity times
    /// its price.
    public func validate() throws(BillingError) {
        try BillingError.requireValid(id, "item")
        try BillingError.requireValidIdentifier(code, "item code")
        try BillingError.requireValidText(name, "item name")
        try BillingError.requireValidText(department, "item department")
        try BillingError.requireValidText(doctor, "item doctor")
        guard quantity.isPositive else { throw BillingError(.invalidQuantity, context: ["field": "quantity"], details: "item \(id) quantity \(quantity)") }
        guard unitPrice.fen >= 0 else { throw BillingError(.invalidPrice, context: ["field": "unit price"], details: "item \(id) price \(unitPrice.fen)") }
        guard try quantity.price(at: unitPrice) == amount else {
            throw BillingError(.invalidPrice, context: ["field": "amount"], details: "item \(id) amount \(amount.fen)")
        }
    }
}

/// A refund (退费) of part or all of a charge item. Its amount is worked out by the ``Bill``
/// so that refunding an item in pieces returns exactly the item's amount.
public struct ChargeRefund: Sendable, Hashable, Codable {
    /// The HIS's id of the refund.
    public let id: ChargeItemID
    /// The item it undoes.
    public let item: ChargeItemID
    /// How much of the item is returned.
    public let quantity: Quantity
    public let time: Timestamp

    public init(id: ChargeItemID, item: ChargeItemID, quantity: Quantity, time: Timestamp) {
        self.id = id
        self.item = item
        self.quantity = quantity
        self.time = time
    }
}
