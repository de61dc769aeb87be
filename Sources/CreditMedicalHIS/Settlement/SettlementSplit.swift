public import CreditMedicalCore

/// Who pays which part of a settled bill. The parts are never negative and add up to the bill
/// total to the fen (invariant 7); the initializer refuses anything else.
public struct SettlementSplit: Sendable, Hashable, Codable {
    /// The bill total.
    public let total: Money
    /// Paid by the medical-insurance fund (医保统筹).
    public let fund: Money
    /// Paid from the patient's medical-insurance personal account (个人账户).
    public let personalAccount: Money
    /// Paid by commercial insurance (商保).
    public let commercial: Money
    /// The self-pay part charged to the credit line (captured from the encounter's hold).
    public let credit: Money
    /// The self-pay part beyond what the credit line covered, which the patient pays at once.
    public let excess: Money

    /// A split; throws `BillingError.Code.splitMismatch` when a part is negative or the parts do
    /// not add up to `total`.
    public init(total: Money, fund: Money, personalAccount: Money, commercial: Money, credit: Money, excess: Money) throws(BillingError) {
        let parts = [fund, personalAccount, commercial, credit, excess]
        var sum: Int64 = 0
        for part in parts {
            guard part.fen >= 0 else { throw BillingError(.splitMismatch, details: "negative part \(part.fen)") }
            let (next, overflow) = sum.addingReportingOverflow(part.fen)
            guard !overflow else { throw BillingError(.splitMismatch, details: "parts overflow") }
            sum = next
        }
        guard sum == total.fen else { throw BillingError(.splitMismatch, details: "parts \(sum) total \(total.fen)") }
        self.total = total
        self.fund = fund
        self.personalAccount = personalAccount
        self.commercial = commercial
        self.credit = credit
        self.excess = excess
    }

    /// The self-pay part: what neither insurer paid.
    public var selfPay: Money { Money(fen: credit.fen + excess.fen) }
}

extension SettlementSplit {
    /// The split of a bill after medical insurance answered `medical` and commercial insurance
    /// paid `commercial`: the self-pay rest goes to the credit line up to `creditCovering`, the
    /// rest of it is the excess the patient pays at once. Throws
    /// `BillingError.Code.splitMismatch` when the insurers' answers do not fit the total.
    public init(total: Money, medical: MedicalInsuranceSettlement, commercial: Money, creditCovering: Money) throws(BillingError) {
        let insured = medical.fund.fen.addingReportingOverflow(medical.personalAccount.fen)
        let answered = insured.partialValue.addingReportingOverflow(medical.cash.fen)
        let paid = insured.partialValue.addingReportingOverflow(commercial.fen)
        guard !insured.overflow, !answered.overflow, !paid.overflow, medical.cash.fen >= 0, commercial.fen >= 0,
              answered.partialValue == total.fen, paid.partialValue <= total.fen
        else { throw BillingError(.splitMismatch, details: "insurers' parts do not fit total \(total.fen)") }
        let selfPay = total.fen - paid.partialValue
        let credit = min(selfPay, max(creditCovering.fen, 0))
        try self.init(total: total, fund: medical.fund, personalAccount: medical.personalAccount, commercial: commercial,
                      credit: Money(fen: credit), excess: Money(fen: selfPay - credit))
    }
}
