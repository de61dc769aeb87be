#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waiting on a connection's socket with a deadline: libpq's own waits have none.
enum PostgresSocket {
    /// The events to wait for: readable, writable, or either (`readable | writable`).
    static let readable = Int16(POLLIN)
    static let writable = Int16(POLLOUT)

    /// Waits until `socket` is ready for `events` (or reports an error or a hang-up, which libpq
    /// finds when it next reads) and returns `true`; `false` when `deadline` passed first. A
    /// connection without a socket returns at once, for libpq to report why.
    static func wait(_ socket: Int32, for events: Int16, until deadline: ContinuousClock.Instant) -> Bool {
        guard socket >= 0 else { return true }
        while true {
            let remaining = deadline - .now
            guard remaining > .zero else { return false }
            var descriptor = pollfd(fd: socket, events: events, revents: 0)
            let ready = poll(&descriptor, 1, Int32(clamping: remaining.wholeMilliseconds))
            if ready > 0 || (ready < 0 && errno != EINTR) { return true }
        }
    }
}
