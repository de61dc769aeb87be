/// Why an HTTP exchange with a peer on the intranet did not produce a whole answer.
package enum HTTPFailure: Error, Sendable, Hashable {
    /// The deadline passed during `phase` (`connect`, `send`, `answer`).
    case timedOut(phase: String)
    /// No connection could be made: the name does not resolve, or every address refused.
    case connectFailed(problem: String)
    /// The peer closed the connection (or reset it) before a whole message arrived.
    case closedEarly
    /// The bytes received are not an HTTP/1.1 message.
    case malformed(problem: String)
    /// The message is larger than the limit, in bytes.
    case tooLarge(limit: Int)
    /// The task waiting for the exchange was cancelled.
    case cancelled

    /// Whether asking again may help: timeouts and failed or dropped connections may pass, a
    /// malformed or oversized answer will come back the same.
    package var isTransient: Bool {
        switch self {
        case .timedOut, .connectFailed, .closedEarly: true
        case .malformed, .tooLarge, .cancelled: false
        }
    }

    /// A short phrase free of personal data, for an error's context.
    package var problem: String {
        switch self {
        case .timedOut(let phase): "timed out during \(phase)"
        case .connectFailed(let problem): "cannot connect: \(problem)"
        case .closedEarly: "connection closed before a whole answer"
        case .malformed(let problem): "not HTTP/1.1: \(problem)"
        case .tooLarge(let limit): "answer larger than \(limit) bytes"
        case .cancelled: "cancelled"
        }
    }
}
