/// A ``CreditScorer`` that asks a model service a hospital or bank runs on its intranet: it POSTs
/// a ``ModelRequest`` as JSON over HTTP/1.1 to a configured `http://host:port/path` and reads a
/// ``ModelAnswer``.
///
/// Only plain `http` is spoken: TLS is expected to be terminated by the intranet's proxy in
/// front of the service, and an `https` URL is refused when the scorer is made.
///
/// Each request must end (connect, send and the whole answer) within ``timeout``; a request
/// that times out, cannot connect, loses its connection or gets an HTTP 5xx is asked again at
/// once, up to ``attempts`` requests in all. An HTTP 4xx or an answer that is not a score is not
/// asked again. (A ``FallbackScorer`` around this scorer multiplies: its attempts each make up
/// to ``attempts`` requests.) No answer in time is `ScoringError.Code.modelTimeout`; every other failure is
/// `ScoringError.Code.modelFailed` with the `host`, `port`, `attempts`, `status` (when there
/// was one) and `problem` in its context. The extra headers (such as an API key) are sent with
/// every request and never shown: not in errors, not in the scorer's description.
public struct ExternalScorer: CreditScorer, CustomStringConvertible, CustomReflectable {
    /// The configured id and version; a decision names the model the service names instead.
    public let identity: ScorerIdentity
    /// The time each request may take, from connecting to the whole answer.
    public let timeout: Duration
    /// How many requests one applicant's score may take, at least 1.
    public let attempts: Int
    /// The most bytes an answer (head and body) may take; a larger one is refused.
    public let answerLimit: Int
    let endpoint: HTTPEndpoint
    let headers: [String: String]

    /// The headers the scorer itself sets, which the extra headers may not replace.
    private static let reservedHeaders: Set<String> = ["host", "content-length", "connection", "transfer-encoding", "content-type"]

    /// A scorer for the model service at `url` (`http://host:port/path`). A URL that is not
    /// plain `http`, a timeout not above zero, attempts or an answer limit below one, or a
    /// header that cannot be sent is a `ScoringError.Code.invalidModelService`.
    public init(url: String, identity: ScorerIdentity, timeout: Duration = .seconds(2), attempts: Int = 2,
                headers: [String: String] = [:], answerLimit: Int = 1 << 20) throws(ScoringError) {
        do {
            endpoint = try HTTPEndpoint(parsing: url)
        } catch {
            throw ScoringError(.invalidModelService, context: ["problem": error.text])
        }
        guard timeout > .zero else { throw ScoringError(.invalidModelService, context: ["problem": "timeout not above zero"]) }
        guard attempts >= 1 else { throw ScoringError(.invalidModelService, context: ["problem": "attempts below one"]) }
        guard answerLimit >= 1 else { throw ScoringError(.invalidModelService, context: ["problem": "answer limit below one"]) }
        for (name, value) in headers {
            guard HTTPMessage.isValidHeader(name: name, value: value) else {
                throw ScoringError(.invalidModelService, context: ["header": name, "problem": "header cannot be sent"])
            }
            guard !Self.reservedHeaders.contains(name.lowercased()) else {
                throw ScoringError(.invalidModelService, context: ["header": name, "problem": "header is set by the scorer"])
            }
        }
        self.identity = identity
        self.timeout = timeout
        self.attempts = attempts
        self.answerLimit = answerLimit
        self.headers = headers
    }

    /// The identity and where the service listens; never the headers.
    public var description: String {
        "ExternalScorer(\(identity) at http://\(endpoint.hostHeader)\(endpoint.path))"
    }

    /// What a debugger or `dump` shows: the description, so the headers stay hidden.
    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }

    /// Asks the model service for `features`' score, up to ``attempts`` times. A feature that
    /// cannot be sent is a `ScoringError.Code.invalidModelRequest` and nothing is sent; a
    /// cancelled task stops waiting and throws `CancellationError`.
    public func score(_ features: ApplicantFeatures) async throws -> ScoreDecision {
        let exchange = Exchange(scorer: self, features: features, body: Array(try ModelRequest(scorer: identity, features: features).json()))
        var attempt = 1
        while true {
            try Task.checkCancellation()
            switch try await exchange.ask(attempt: attempt) {
            case .decided(let decision):
                return decision
            case .failed(let failure, let askAgain):
                guard askAgain && attempt < attempts else { throw failure }
                attempt += 1
            }
        }
    }
}
