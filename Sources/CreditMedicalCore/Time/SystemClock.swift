internal import Foundation

/// The machine's wall clock.
public struct SystemClock: TimeSource {
    public init() {}

    public func now() -> Timestamp {
        Timestamp(Date())
    }
}
