/// How a patient has repaid a line, as a review reads it: reported by the bank, or counted from
/// the receivables.
public struct RepaymentRecord: Sendable, Hashable, Codable {
    /// A repayment made after its due date.
    public struct LatePayment: Sendable, Hashable, Codable {
        /// When it was found late, and by how many days.
        public var at: Timestamp
        public var daysLate: Int

        public init(at: Timestamp, daysLate: Int) {
            self.at = at
            self.daysLate = daysLate
        }
    }

    /// Repayments made by their due date in the last twelve months.
    public var onTimeInTwelveMonths: Int
    /// The latest late payment, if any.
    public var lastLate: LatePayment?
    /// When the line's credit was repaired (a listing lifted after full repayment), if it was.
    public var repairedAt: Timestamp?

    public init(onTimeInTwelveMonths: Int, lastLate: LatePayment? = nil, repairedAt: Timestamp? = nil) {
        self.onTimeInTwelveMonths = onTimeInTwelveMonths
        self.lastLate = lastLate
        self.repairedAt = repairedAt
    }
}
