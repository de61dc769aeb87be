#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CreditMedicalCore
import Synchronization

/// A model service for tests: an HTTP/1.1 server on 127.0.0.1 at an ephemeral port that
/// answers each POST as its ``Behaviour`` says and keeps every request it received.
///
/// Each connection is served on a thread of its own; the server stops when ``stop()`` is
/// called, when it is released, or after its `lifetime`, whichever comes first, and `stop()`
/// waits for its threads to end.
/// A model service for tests: an HTTP/1.1 server on 127.0.0.1 at an ephemeral port that
/// answers each POST as its ``Behaviour`` says and keeps every request it received.
///
/// Each connection is served on a thread of its own; the server stops when ``stop()`` is
/// called, when it is released, or after its `lifetime`, whichever comes first, and `stop()`
/// waits for its threads to end.
public final class FakeModelServer: Sendable {
    /// The port the server listens on, at 127.0.0.1.
    public let port: UInt16
    private let engine: Engine

    /// Starts a server that acts as `behaviour` unless told otherwise with ``inject(_:)``, for
    /// at most `lifetime`. A socket that cannot be opened is a ``StartFailure``.
    public init(behaviour: Behaviour = .score { _ in 600 }, lifetime: Duration = .seconds(60)) throws(StartFailure) {
        let (listener, port) = try Self.openListener()
        self.port = port
        engine = Engine(behaviour: behaviour)
        engine.start(listener, until: .now + lifetime)
    }

    deinit { stop() }

    /// The URL of the service, with `path`.
    public func url(path: String = "/score") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Acts as `behaviour` for every request after the injected ones.
    public func answer(_ behaviour: Behaviour) {
        engine.state.withLock { $0.behaviour = behaviour }
    }

    /// Queues behaviours for the next requests, one request each, before the standing one.
    public func inject(_ behaviours: Behaviour...) {
        engine.state.withLock { $0.pending += behaviours }
    }

    /// The requests received, in order.
    public var requests: [ReceivedModelRequest] { engine.state.withLock { $0.received } }

    /// How many requests the server received.
    public var requestCount: Int { engine.state.withLock { $0.received.count } }

    /// Stops accepting, cuts short the delays, and waits (at most 5 s) for the threads to end.
    public func stop() {
        engine.stop()
    }

    /// Why a server could not start.
    public struct StartFailure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// A socket listening at 127.0.0.1 on a port the system picks, and that port.
    private static func openListener() throws(StartFailure) -> (Int32, UInt16) {
        let descriptor = socket(AF_INET, SocketConnection.streamSocketType, 0)
        guard descriptor >= 0 else { throw StartFailure(description: "socket: \(SocketConnection.errorText(errno))") }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && listen(descriptor, 64) == 0
                    && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else {
            let problem = SocketConnection.errorText(errno)
            close(descriptor)
            throw StartFailure(description: "listening at 127.0.0.1: \(problem)")
        }
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }
}
