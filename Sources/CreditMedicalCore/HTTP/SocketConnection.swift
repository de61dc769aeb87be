#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-blocking TCP socket whose every wait has a deadline: connecting, sending and receiving
/// poll in slices of at most ``pollSlice`` so a cancelled exchange stops within one slice. The
/// socket is closed when the connection is released. Used from one thread at a time.
package final class SocketConnection {
    /// The longest single wait in `poll`; the cancellation flag is checked between waits.
    static let pollSlice: Duration = .milliseconds(50)

    private let descriptor: Int32
    private let cancelled: CancellationFlag?

    /// Adopts an open socket (such as one `accept` returned), makes it non-blocking and keeps it
    /// from programs this process starts.
    package init(adopting descriptor: Int32, cancelled: CancellationFlag? = nil) {
        self.descriptor = descriptor
        self.cancelled = cancelled
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        Self.suppressBrokenPipeSignal(descriptor)
    }

    deinit { close(descriptor) }

    /// Connects to `host`:`port`, trying each address the name resolves to until one accepts.
    /// Resolution uses `getaddrinfo`, which does not honour the deadline: name the service by an
    /// address or a name in the hosts file.
    package static func open(host: String, port: UInt16, until deadline: ContinuousClock.Instant,
                             cancelled: CancellationFlag? = nil) throws(HTTPFailure) -> SocketConnection {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Self.streamSocketType
        var first: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &first)
        guard status == 0, let first else {
            throw .connectFailed(problem: "the host does not resolve (getaddrinfo \(status))")
        }
        defer { freeaddrinfo(first) }
        var lastProblem = "no address"
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let current = address {
            address = current.pointee.ai_next
            let socketDescriptor = socket(current.pointee.ai_family, current.pointee.ai_socktype, current.pointee.ai_protocol)
            guard socketDescriptor >= 0 else { lastProblem = "socket: \(Self.errorText(errno))"; continue }
            let connection = SocketConnection(adopting: socketDescriptor, cancelled: cancelled)
            if connect(socketDescriptor, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 { return connection }
            guard errno == EINPROGRESS else { lastProblem = Self.errorText(errno); continue }
            try connection.wait(for: Int16(POLLOUT), until: deadline, phase: "connect")
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(socketDescriptor, SOL_SOCKET, SO_ERROR, &failure, &length)
            if failure == 0 { return connection }
            lastProblem = Self.errorText(failure)
        }
        throw .connectFailed(problem: lastProblem)
    }

    /// Sends all of `bytes` by `deadline`.
    package func write(_ bytes: [UInt8], until deadline: ContinuousClock.Instant) throws(HTTPFailure) {
        var sent = 0
        while sent < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                send(descriptor, buffer.baseAddress! + sent, buffer.count - sent, Self.sendFlags)
            }
            if result > 0 {
                sent += result
            } else if result < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                try wait(for: Int16(POLLOUT), until: deadline, phase: "send")
            } else {
                throw .closedEarly
            }
        }
    }

    /// Receives what has arrived, at most `limit` bytes, waiting for some until `deadline`; an
    /// empty array means the peer closed the connection, a reset is ``HTTPFailure/closedEarly``.
    package func read(atMost limit: Int, until deadline: ContinuousClock.Instant) throws(HTTPFailure) -> [UInt8] {
        while true {
            var chunk = [UInt8](repeating: 0, count: max(limit, 1))
            let result = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if result >= 0 { return Array(chunk.prefix(result)) }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { throw .closedEarly }
            try wait(for: Int16(POLLIN), until: deadline, phase: "answer")
        }
    }

    /// Waits until the socket is ready for `events` (or has an error to report), in slices.
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant, phase: String) throws(HTTPFailure) {
        while true {
            if cancelled?.isRaised == true { throw .cancelled }
            let remaining = deadline - .now
            guard remaining > .zero else { throw .timedOut(phase: phase) }
            var request = pollfd(fd: descriptor, events: events, revents: 0)
            let slice = min(remaining, Self.pollSlice)
            let milliseconds = Int32(slice.components.seconds * 1000 + slice.components.attoseconds / 1_000_000_000_000_000) + 1
            let ready = poll(&request, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw .closedEarly }
        }
    }
}
