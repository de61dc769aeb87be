/// When a review changes a line (动态调额): one tier up after repeated on-time repayments within
/// twelve months (Suzhou practice), one tier down after a late payment, suspended after a very
/// late one, and a probation limit for a repaired line. Loaded from JSON and validated on load;
/// ``suzhouStyle`` follows a real program.
public struct ReviewPolicy: Sendable, Hashable, Codable {
    /// The format this SDK writes; it reads this one and every earlier one.
    public static let currentFormatVersion = 1
    /// The `format` field of every review file.
    public static let formatName = "creditmedical.review"

    public var format: String = ReviewPolicy.formatName
    public var formatVersion: Int = ReviewPolicy.currentFormatVersion
    public var id: String
    public var version: String
    /// On-time repayments in twelve months, with none late, that raise the line one tier.
    public var onTimeRepaymentsToRaise: Int
    /// How long a tier stands at least before the next raise, in days.
    public var daysBetweenRaises: Int
    /// A payment this many days late or more lowers the line one tier.
    public var daysLateToLower: Int
    /// A payment this many days late or more suspends the line.
    public var daysLateToSuspend: Int
    /// A repaired line's limit, in thousandths of the bank's line, at most the lowest tier's.
    public var probationPermille: Int64

    public init(id: String, version: String, onTimeRepaymentsToRaise: Int, daysBetweenRaises: Int, daysLateToLower: Int,
                daysLateToSuspend: Int, probationPermille: Int64) {
        self.id = id
        self.version = version
        self.onTimeRepaymentsToRaise = onTimeRepaymentsToRaise
        self.daysBetweenRaises = daysBetweenRaises
        self.daysLateToLower = daysLateToLower
        self.daysLateToSuspend = daysLateToSuspend
        self.probationPermille = probationPermille
    }

    /// The name of the tier a repaired line is put on.
    public static let probationTier = "probation"

    /// What a review of `subject` at `now` changes under `limits`, or `nil` for nothing. Each
    /// piece of evidence acts once: a repair or a late payment after the tier was set, or enough
    /// on-time repayments once the tier has stood ``daysBetweenRaises``.
    public func decide(_ subject: LimitReview.Subject, limits: LimitPolicy, at now: Timestamp) throws(MoneyError) -> LimitChange? {
        let record = subject.repayment
        let current = limits.tiers.firstIndex { $0.name == subject.tier }
        if let repaired = record.repairedAt, repaired > subject.tierSince {
            let share = try subject.bankLimit.share(permille: probationPermille)
            let lowest = try limits.tiers.first?.limit(bankLine: subject.bankLimit) ?? share
            return LimitChange(action: .probation, basis: "probation/\(repaired.millisecondsSince1970)", tier: Self.probationTier,
                               limit: Money(fen: min(share.fen, lowest.fen)),
                               reason: BilingualText(chinese: "信用修复后进入观察期额度", english: "credit repaired: probation limit"))
        }
        if let late = record.lastLate, late.at > subject.tierSince, late.daysLate >= daysLateToLower {
            let basis = "\(late.at.millisecondsSince1970)"
            guard late.daysLate < daysLateToSuspend, let current, current > 0 else {
                return LimitChange(action: .suspend, basis: "suspend/\(basis)", tier: subject.tier, limit: subject.limit, reason: BilingualText(
                    chinese: "逾期\(late.daysLate)天，暂停信用就医", english: "a payment \(late.daysLate) days late: credit suspended"))
            }
            let lower = limits.tiers[current - 1]
            return LimitChange(action: .lower, basis: "lower/\(basis)", tier: lower.name, limit: try lower.limit(bankLine: subject.bankLimit),
                               reason: BilingualText(chinese: "逾期\(late.daysLate)天，额度下调", english: "a payment \(late.daysLate) days late: limit lowered"))
        }
        let lateThisYear = record.lastLate.map { $0.at > now.adding(seconds: -365 * 86_400) } ?? false
        let tierStood = subject.tierSince <= now.adding(seconds: -Int64(daysBetweenRaises) * 86_400)
        guard record.onTimeInTwelveMonths >= onTimeRepaymentsToRaise, !lateThisYear, tierStood else { return nil }
        let next = current.map { $0 + 1 } ?? 0
        guard next < limits.tiers.count else { return nil }
        let higher = limits.tiers[next]
        return LimitChange(action: .raise, basis: "raise/\(subject.tierSince.millisecondsSince1970)", tier: higher.name,
                           limit: try higher.limit(bankLine: subject.bankLimit), reason: BilingualText(
                               chinese: "十二个月内按时还款\(record.onTimeInTwelveMonths)次，额度上调",
                               english: "\(record.onTimeInTwelveMonths) on-time repayments in twelve months: limit raised"))
    }
}
