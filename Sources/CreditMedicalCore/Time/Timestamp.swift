/// A point in time as whole milliseconds since 1970-01-01T00:00:00Z.
///
/// The ledger never reads the system time itself: a ``TimeSource`` supplies one timestamp per batch.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch, UTC.
    public var millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    /// The timestamp `seconds` later (earlier when negative), saturating at the ends of `Int64`.
    public func adding(seconds: Int64) -> Timestamp {
        let (milliseconds, overflowA) = seconds.multipliedReportingOverflow(by: 1000)
        let (sum, overflowB) = millisecondsSince1970.addingReportingOverflow(milliseconds)
        guard !overflowA, !overflowB else { return seconds < 0 ? .distantPast : .distantFuture }
        return Timestamp(millisecondsSince1970: sum)
    }

    /// The earliest representable time.
    public static let distantPast = Timestamp(millisecondsSince1970: .min)
    /// The latest representable time.
    public static let distantFuture = Timestamp(millisecondsSince1970: .max)

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    public var description: String { "\(millisecondsSince1970)ms" }
}
