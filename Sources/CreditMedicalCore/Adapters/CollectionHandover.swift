/// Hands an overdue receivable over to the bank's own collection (移交银行催收), as a collection
/// ladder's ``CollectionAction/bankCollection`` step says: the bank collects it from then on, in
/// its own ways; the patient's repayments still reach the ledger as ``RepaymentNotice``s.
public struct CollectionHandover: Sendable, Hashable, Codable {
    public let requestID: AdapterRequestID
    public let line: CreditLineID
    /// The receivable: the hold of the visit it came from.
    public let hold: HoldID
    /// What it still owed, how many days past its due date, and when it was due.
    public let owed: Money
    public let daysPastDue: Int
    public let dueAt: Timestamp
    /// When it was handed over.
    public let at: Timestamp

    public init(requestID: AdapterRequestID, line: CreditLineID, hold: HoldID, owed: Money, daysPastDue: Int, dueAt: Timestamp, at: Timestamp) {
        self.requestID = requestID
        self.line = line
        self.hold = hold
        self.owed = owed
        self.daysPastDue = daysPastDue
        self.dueAt = dueAt
        self.at = at
    }
}
