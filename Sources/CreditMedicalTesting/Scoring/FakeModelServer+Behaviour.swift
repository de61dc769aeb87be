public import CreditMedicalCore
import Foundation

extension FakeModelServer {
    /// How the server answers one request.
    public indirect enum Behaviour: Sendable {
        /// Answers 200 with the answer `make` computes from the request; a body that is not a
        /// `ModelRequest` gets HTTP 400.
        case answer(@Sendable (ModelRequest) -> ModelAnswer)
        /// Waits `delay` (less when the server stops), then acts as `then`.
        case delayed(Duration, then: Behaviour)
        /// Answers with the HTTP `status` and `body` as it is: malformed JSON, a score that is
        /// not an integer, a body larger than a client accepts, an error page.
        case reply(status: Int, body: String)
        /// Reads the request and closes the connection without answering.
        case closeWithoutAnswer

        /// Answers with the score `compute` makes of the received features, and `reasons`;
        /// names `model` as the model that decided when given.
        public static func score(reasons: [ScoreReason] = [], model: ScorerIdentity? = nil,
                                 _ compute: @escaping @Sendable (ApplicantFeatures) -> Int) -> Behaviour {
            .answer { request in ModelAnswer(score: compute(request.features), reasons: reasons, model: model) }
        }

        /// Answers with the HTTP `status` and a short JSON error body.
        public static func status(_ status: Int) -> Behaviour {
            .reply(status: status, body: #"{"error":"status \#(status) as told"}"#)
        }

        /// Answers 200 with `body` as it is.
        public static func body(_ body: String) -> Behaviour { .reply(status: 200, body: body) }

        /// Answers 200 with a body that is not JSON.
        public static let malformedJSON = Behaviour.body(#"{"score": 6"#)
    }
}

extension FakeModelServer.Engine {
    /// Acts out `behaviour` for `received` on `connection`.
    func act(_ behaviour: FakeModelServer.Behaviour, for received: ReceivedModelRequest, on connection: SocketConnection) {
        switch behaviour {
        case .answer(let make):
            guard let request = received.request else { return reply(400, Data(#"{"error":"not a model request"}"#.utf8), on: connection) }
            reply(200, make(request).json(), on: connection)
        case .delayed(let delay, let then):
            if pause(delay) { act(then, for: received, on: connection) }
        case .reply(let status, let body):
            reply(status, Data(body.utf8), on: connection)
        case .closeWithoutAnswer:
            return
        }
    }

    private func reply(_ status: Int, _ body: Data, on connection: SocketConnection) {
        let answer = HTTPMessage(startLine: "HTTP/1.1 \(status) \(status < 300 ? "OK" : "Error")",
                                 headers: ["content-type": "application/json", "connection": "close"], body: Array(body))
        // The client may have given up already; a failed write is what it chose.
        try? connection.write(answer.serialized(), until: .now + .seconds(5))
    }
}
