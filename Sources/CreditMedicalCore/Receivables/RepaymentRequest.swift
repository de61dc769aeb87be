/// Where a patient repaid (还款渠道).
public enum RepaymentChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// The bank's app; such repayments usually arrive as the bank's notices
    /// (``Ledger/collectRepayments(from:limit:)``).
    case bankApp = "bank_app"
    /// The hospital's cashier window (窗口).
    case hospitalWindow = "window"
    /// The internet hospital's payment page.
    case internetHospital = "internet_hospital"
    /// A family agent paying for a member (代付), on the member's line.
    case familyAgent = "family_agent"
}

/// One repayment to apply: how much, to which line, through which channel, under the channel's
/// own reference (a receipt or transaction number), which makes repeating it safe.
public struct RepaymentRequest: Sendable, Hashable, Codable {
    /// The channel's reference, unique within the channel.
    public var reference: String
    public var line: CreditLineID
    public var amount: Money
    public var channel: RepaymentChannel
    /// Who paid for the patient, for ``RepaymentChannel/familyAgent``.
    public var agent: String?

    public init(reference: String, line: CreditLineID, amount: Money, channel: RepaymentChannel, agent: String? = nil) {
        self.reference = reference
        self.line = line
        self.amount = amount
        self.channel = channel
        self.agent = agent
    }

    /// The longest reference and agent id, in UTF-8 bytes.
    public static let maximumReferenceLength = 64

    /// The ledger key the repayment is applied under: the same reference through the same channel
    /// is the same repayment.
    public var key: IdempotencyKey { IdempotencyKey("repayment/\(channel.rawValue)/\(reference)") }

    /// Rejects malformed fields before anything is looked up.
    func validate() throws(ReceivableError) {
        let violations = [("reference", InputRules.identifierViolation(reference, maximumLength: Self.maximumReferenceLength)),
                          ("line", line.violation),
                          ("agent", agent.flatMap { InputRules.identifierViolation($0, maximumLength: Self.maximumReferenceLength) })]
        if let (field, rule) = violations.first(where: { $0.1 != nil }), let rule {
            throw ReceivableError(.invalidInput, context: ["field": field, "rule": rule.rawValue])
        }
        guard amount.isPositive else { throw ReceivableError(.invalidAmount, details: "line \(line) amount \(amount.fen)") }
        guard (channel == .familyAgent) == (agent != nil) else { throw ReceivableError(.agentMissing, context: ["channel": channel.rawValue]) }
    }
}

/// What a repayment did: the line's balances after it, and what the line still owes by visit.
public struct RepaymentReceipt: Sendable, Hashable {
    public let request: RepaymentRequest
    /// Whether the repayment had been applied before, and nothing was applied now.
    public let isReplay: Bool
    /// What the line owes after the repayment.
    public let owedAfter: Money
    /// What the line has available after the repayment.
    public let availableAfter: Money
}
