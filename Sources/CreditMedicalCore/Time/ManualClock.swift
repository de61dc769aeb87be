import Synchronization

/// A clock that moves only when told to; safe to share between tasks.
public final class ManualClock: TimeSource {
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
