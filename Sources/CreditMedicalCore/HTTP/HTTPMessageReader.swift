/// Reads one HTTP/1.1 message from a connection by a deadline, refusing one larger than a limit.
///
/// The body is framed by `Transfer-Encoding: chunked`, else by `Content-Length`, else (for a
/// response) by the peer closing the connection; a request without either has no body.
package struct HTTPMessageReader: Sendable {
    /// The most bytes a message (head and body, as sent) may take.
    package let limit: Int
    /// Whether the message is a response, whose body may run until the connection closes.
    package let isResponse: Bool

    package init(limit: Int, isResponse: Bool) {
        self.limit = limit
        self.isResponse = isResponse
    }

    /// Reads until a whole message has arrived. Each round either ends or adds at least one byte,
    /// and the bytes are capped by ``limit``, so the loop is bounded.
    package func read(from connection: SocketConnection, until deadline: ContinuousClock.Instant) throws(HTTPFailure) -> HTTPMessage {
        var received: [UInt8] = []
        while true {
            if let message = try parse(received[...], closed: false) { return message }
            let chunk = try connection.read(atMost: min(64 * 1024, limit + 1 - received.count), until: deadline)
            if chunk.isEmpty {
                if let message = try parse(received[...], closed: true) { return message }
                throw .closedEarly
            }
            received += chunk
            if received.count > limit { throw .tooLarge(limit: limit) }
        }
    }

    /// The message in `bytes`, `nil` while more must arrive.
    package func parse(_ bytes: ArraySlice<UInt8>, closed: Bool) throws(HTTPFailure) -> HTTPMessage? {
        guard let headEnd = bytes.firstRange(of: [13, 10, 13, 10]) else { return nil }
        var lines = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        let startLine = String(lines.removeFirst())
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), colon > line.startIndex, !line[..<colon].contains(" ") else {
                throw .malformed(problem: "header line")
            }
            let name = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...].trimmingSpaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        let rest = bytes[headEnd.upperBound...]
        guard let body = try body(in: rest, headers: headers, closed: closed) else { return nil }
        return HTTPMessage(startLine: startLine, headers: headers, body: body)
    }

    private func body(in rest: ArraySlice<UInt8>, headers: [String: String], closed: Bool) throws(HTTPFailure) -> [UInt8]? {
        if let coding = headers["transfer-encoding"] {
            guard coding.split(separator: ",").last?.trimmingSpaces.lowercased() == "chunked" else {
                throw .malformed(problem: "transfer coding \(coding)")
            }
            return try HTTPChunkedBody.decode(rest)
        }
        if let lengthText = headers["content-length"] {
            guard let length = Int(lengthText), length >= 0 else { throw .malformed(problem: "content-length") }
            guard length <= limit else { throw .tooLarge(limit: limit) }
            return rest.count >= length ? Array(rest.prefix(length)) : nil
        }
        guard isResponse else { return [] }
        return closed ? Array(rest) : nil
    }
}

extension StringProtocol {
    /// The text without the spaces and tabs around it.
    var trimmingSpaces: SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        return self[first...last]
    }
}
