import Synchronization
internal import Foundation

/// The source of time for the ledger: one reading per batch.
///
/// Inject ``SystemClock`` in production and ``ManualClock`` in tests and simulations, so due
/// dates, expiries and daily bills run at any speed.
public protocol Clock: Sendable {
    /// The current time.
    func now() -> Timestamp
}

/// The machine's wall clock.
public struct SystemClock: Clock {
    public init() {}

    public func now() -> Timestamp {
        Timestamp(Date())
    }
}

/// A clock that moves only when told to; safe to share between tasks.
public final class ManualClock: Clock {
    private let current: Mutex<Timestamp>

    /// A clock standing at `start`.
    public init(_ start: Timestamp) {
        current = Mutex(start)
    }

    public func now() -> Timestamp { current.withLock { $0 } }

    /// Moves the clock `seconds` forward (backward when negative).
    public func advance(seconds: Int64) {
        current.withLock { $0 = $0.adding(seconds: seconds) }
    }

    /// Sets the clock to `time`.
    public func set(_ time: Timestamp) {
        current.withLock { $0 = time }
    }
}
