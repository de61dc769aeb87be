/// A receivable written off as bad debt, and who bears it: the record a credit-insurance claim
/// and a fiscal subsidy application are made from. Its parts add up to the amount, to the fen.
public struct WriteOffRecord: Sendable, Hashable, Codable {
    /// The receivable's hold: one write-off per receivable.
    public let hold: HoldID
    public let line: CreditLineID
    /// What was written off: what the receivable owed.
    public let amount: Money
    /// The credit insurer's part (保险兜底 claim), the fiscal subsidy's (财政补助) and the bank's.
    public let insuranceClaim: Money
    public let subsidy: Money
    public let bankLoss: Money
    public let daysPastDue: Int
    /// The policy it was written off under, as `ID@VERSION`.
    public let policy: String
    public let at: Timestamp

    public init(hold: HoldID, line: CreditLineID, amount: Money, insuranceClaim: Money, subsidy: Money, bankLoss: Money, daysPastDue: Int,
                policy: String, at: Timestamp) {
        self.hold = hold
        self.line = line
        self.amount = amount
        self.insuranceClaim = insuranceClaim
        self.subsidy = subsidy
        self.bankLoss = bankLoss
        self.daysPastDue = daysPastDue
        self.policy = policy
        self.at = at
    }

    /// The record of writing off `amount` of `receivable` under `policy`: the insurer's and the
    /// subsidy's shares rounded down to the fen, the bank bearing the rest.
    init(_ receivable: Receivable, amount: Money, policy: WriteOffPolicy, at time: Timestamp) throws(MoneyError) {
        let insurance = try amount.share(permille: policy.insurancePermille)
        let subsidy = try amount.share(permille: policy.subsidyPermille)
        self.init(hold: receivable.hold, line: receivable.line, amount: amount, insuranceClaim: insurance, subsidy: subsidy,
                  bankLoss: try amount.subtracting(insurance).subtracting(subsidy), daysPastDue: receivable.daysPastDue(at: time),
                  policy: "\(policy.id)@\(policy.version)", at: time)
    }
}
