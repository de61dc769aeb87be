/// An unpaid hospital bill from before the patient enrolled (历史欠费), to be moved onto the credit
/// line (欠费信用补缴): the bank advances it to the hospital, and the patient owes it to the bank as
/// a receivable like any visit's.
public struct ArrearsTransfer: Sendable, Hashable, Codable {
    /// The hospital's bill number: the bank sees it as the encounter, and it makes repeating the
    /// transfer safe.
    public var bill: EncounterID
    public var line: CreditLineID
    public var amount: Money
    /// The institution the bill is owed to, which the bank pays.
    public var institution: InstitutionID

    public init(bill: EncounterID, line: CreditLineID, amount: Money, institution: InstitutionID = .unnamed) {
        self.bill = bill
        self.line = line
        self.amount = amount
        self.institution = institution
    }

    /// The hold the bill is charged to the line under; its receivable's id.
    public var hold: HoldID { HoldID("arrears/\(bill.rawValue)") }

    /// The ledger key and bank request id of `step` (`lock`, `capture`, `advance`).
    func id(_ step: String) -> String { "arrears/\(bill.rawValue)/\(step)" }
}
