public import Foundation

extension Timestamp {
    /// The timestamp of a `Date`, truncated to whole milliseconds.
    public init(_ date: Date) {
        self.init(millisecondsSince1970: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// The timestamp as a `Date`.
    public var date: Date {
        Date(timeIntervalSince1970: TimeInterval(millisecondsSince1970) / 1000)
    }
}
