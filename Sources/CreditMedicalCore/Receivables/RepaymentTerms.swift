/// A bank's repayment terms (还款规则): a receivable is due a number of days after the settlement
/// that created it, and a payment within the grace period after that still counts as on time.
public struct RepaymentTerms: Sendable, Hashable, Codable {
    /// Days from settlement to the due date (Suzhou and Xiamen programs: about 30).
    public var daysToDue: Int
    /// Days after the due date a payment still counts as on time (宽限期).
    public var graceDays: Int

    /// Terms of `daysToDue` days and `graceDays` days of grace; both zero or more, and under ten
    /// years (`ReceivableError.Code.invalidTerms` otherwise).
    public init(daysToDue: Int, graceDays: Int) throws(ReceivableError) {
        guard (0...3_650).contains(daysToDue), (0...3_650).contains(graceDays) else {
            throw ReceivableError(.invalidTerms, context: ["days_to_due": "\(daysToDue)", "grace_days": "\(graceDays)"])
        }
        self.init(checkedDaysToDue: daysToDue, graceDays: graceDays)
    }

    private init(checkedDaysToDue daysToDue: Int, graceDays: Int) {
        self.daysToDue = daysToDue
        self.graceDays = graceDays
    }

    /// 30 days to pay and 3 days of grace: what the seed programs' banks publish.
    public static let standard = RepaymentTerms(checkedDaysToDue: 30, graceDays: 3)

    /// The due date and the end of the grace period of a capture at `time`.
    func dates(capturedAt time: Timestamp) -> (due: Timestamp, graceEnds: Timestamp) {
        let due = time.adding(seconds: Int64(daysToDue) * 86_400)
        return (due, due.adding(seconds: Int64(graceDays) * 86_400))
    }
}
