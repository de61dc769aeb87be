/// One HTTP/1.1 message as read from a connection: its start line, its headers and its body.
package struct HTTPMessage: Sendable, Hashable {
    /// `POST /score HTTP/1.1` or `HTTP/1.1 200 OK`.
    package let startLine: String
    /// The headers by lowercased name; repeated headers are joined with `, `.
    package let headers: [String: String]
    package let body: [UInt8]

    package init(startLine: String, headers: [String: String], body: [UInt8]) {
        self.startLine = startLine
        self.headers = headers
        self.body = body
    }

    /// The header `name`, whatever its case.
    package func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The status of a response's start line (`HTTP/1.1 200 OK` → 200).
    package func status() throws(HTTPFailure) -> Int {
        let parts = startLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...599).contains(status) else {
            throw .malformed(problem: "status line")
        }
        return status
    }

    /// The message as bytes on the wire, its body framed by `Content-Length`.
    package func serialized() -> [UInt8] {
        var head = "\(startLine)\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) where name != "content-length" {
            head += "\(name): \(value)\r\n"
        }
        head += "content-length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    /// Whether `name` and `value` may be sent as a header: a token name, a value without
    /// line breaks or other control characters.
    package static func isValidHeader(name: String, value: String) -> Bool {
        let separators = Set("()<>@,;:\\\"/[]?={} \t")
        let nameIsToken = !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 && $0.value < 127 }
            && !name.contains(where: separators.contains)
        let valueIsText = value.unicodeScalars.allSatisfy { $0 == "\t" || ($0.value >= 32 && $0.value != 127) }
        return nameIsToken && valueIsText
    }
}
