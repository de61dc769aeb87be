/// Where a plain-HTTP service listens: `http://host[:port][/path]`. `https` is refused: on the
/// intranet TLS is terminated by a proxy in front of the service.
package struct HTTPEndpoint: Sendable, Hashable {
    /// A name or address; an IPv6 address without its brackets.
    package let host: String
    package let port: UInt16
    /// The request target, starting with `/`.
    package let path: String

    /// The endpoint `url` names, or why it names none (a phrase free of personal data).
    package init(parsing url: String) throws(HTTPEndpoint.Problem) {
        guard let separator = url.firstRange(of: "://") else { throw Problem("not a URL of the form http://host:port/path") }
        let scheme = url[..<separator.lowerBound].lowercased()
        guard scheme == "http" else {
            throw Problem(scheme == "https" ? "https is not spoken; terminate TLS at the intranet's proxy and use http" : "scheme \(scheme) is not http")
        }
        let rest = url[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let target = rest.dropFirst(authority.count)
        guard !target.contains("#"), !url.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw Problem("a fragment or white space in the URL")
        }
        guard !authority.contains("@") else { throw Problem("credentials in the URL; send them in a header") }
        let (host, port) = try Self.split(authority)
        self.host = host
        self.port = port
        self.path = target.isEmpty ? "/" : (target.hasPrefix("/") ? String(target) : "/\(target)")
    }

    /// What a `Host` header says: the host, with its port unless it is 80.
    package var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? name : "\(name):\(port)"
    }

    private static func split(_ authority: Substring) throws(Problem) -> (String, UInt16) {
        var host = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw Problem("an IPv6 address without its closing bracket") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw Problem("text after the IPv6 address") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty else { throw Problem("no host") }
        guard let portText else { return (String(host), 80) }
        guard let port = UInt16(portText), port > 0 else { throw Problem("the port is not a number from 1 to 65535") }
        return (String(host), port)
    }

    /// Why a string names no usable endpoint.
    package struct Problem: Error, Sendable, Hashable {
        package let text: String
        init(_ text: String) { self.text = text }
    }
}
