import Foundation

/// A minimal HTTP/1.1 client for services on the intranet, on POSIX sockets.
///
/// Each request opens its own connection and says `Connection: close`. The socket is
/// non-blocking: connecting, sending and reading the whole answer wait with `poll` against one
/// deadline. That work runs on a thread of its own per request, never on the cooperative thread
/// pool nor on Dispatch's global queues (whose few threads a blocked wait would hold up);
/// cancelling the awaiting task stops it within ``SocketConnection/pollSlice``.
package struct HTTPClient: Sendable {
    /// The most bytes an answer (head and body) may take; a larger one is refused.
    package let answerLimit: Int

    package init(answerLimit: Int) {
        self.answerLimit = answerLimit
    }

    /// POSTs `body` to `endpoint` with `headers` and returns the answer, whatever its status;
    /// connecting, sending and receiving the whole answer must end within `timeout`.
    package func post(_ body: [UInt8], to endpoint: HTTPEndpoint, headers: [String: String],
                      timeout: Duration) async throws(HTTPFailure) -> HTTPMessage {
        var fields = headers
        fields["host"] = endpoint.hostHeader
        fields["connection"] = "close"
        let request = HTTPMessage(startLine: "POST \(endpoint.path) HTTP/1.1", headers: fields, body: body)
        let reader = HTTPMessageReader(limit: answerLimit, isResponse: true)
        let cancelled = CancellationFlag()
        let deadline = ContinuousClock.now + timeout
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPMessage, HTTPFailure>, Never>) in
                Thread {
                    continuation.resume(returning: Result { () throws(HTTPFailure) -> HTTPMessage in
                        let connection = try SocketConnection.open(host: endpoint.host, port: endpoint.port, until: deadline, cancelled: cancelled)
                        try connection.write(request.serialized(), until: deadline)
                        return try reader.read(from: connection, until: deadline)
                    })
                }.start()
            }
        } onCancel: {
            cancelled.raise()
        }
        return try outcome.get()
    }
}
