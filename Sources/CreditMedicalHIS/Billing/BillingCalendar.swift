public import CreditMedicalCore
public import Foundation

/// How an inpatient stay is cut into daily bills (日清单): the time zone of the hospital and the
/// time of day at which one billing day ends and the next begins.
///
/// The default is midnight in Asia/Shanghai. A hospital that closes its daily bill at 18:00
/// uses `BillingCalendar(cutAfterMidnight: 18 * 3600)`: a charge at 19:00 belongs to the next
/// day's bill.
public struct BillingCalendar: Sendable, Hashable {
    /// The hospital's time zone.
    public let timeZone: TimeZone
    /// Seconds after local midnight at which a billing day begins, `0 ..< 86_400`.
    public let cutAfterMidnight: Int
    /// The Gregorian calendar in ``timeZone``, made once (making one costs more than using it).
    private let gregorian: Calendar

    /// A calendar; `cutAfterMidnight` is clamped to `0 ..< 86_400`.
    public init(timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current,
                cutAfterMidnight: Int = 0) {
        self.timeZone = timeZone
        self.cutAfterMidnight = min(max(cutAfterMidnight, 0), 86_399)
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = timeZone
        self.gregorian = gregorian
    }

    /// The billing day `time` belongs to: the local date of `time` moved back by the cut, then
    /// forward one day when the cut is after midnight (a day's bill closes at its cut time).
    public func day(of time: Timestamp) -> BillingDay {
        let shifted = time.date.addingTimeInterval(TimeInterval(cutAfterMidnight == 0 ? 0 : 86_400 - cutAfterMidnight))
        let parts = gregorian.dateComponents([.year, .month, .day], from: shifted)
        return BillingDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The instant `day`'s bill closes: its date at the cut time, or the next midnight when the
    /// cut is midnight. A time belongs to `day` or an earlier day exactly when it is before this.
    public func end(of day: BillingDay) -> Timestamp {
        let date = DateComponents(year: day.year, month: day.month, day: cutAfterMidnight == 0 ? day.day + 1 : day.day,
                                  hour: cutAfterMidnight / 3600, minute: cutAfterMidnight / 60 % 60, second: cutAfterMidnight % 60)
        return Timestamp(gregorian.date(from: date) ?? .distantFuture)
    }
}

/// A calendar day of the hospital, the date printed on a daily bill.
public struct BillingDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: BillingDay, rhs: BillingDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2026-11-25`.
    public var description: String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}
