import Foundation

extension ExternalScorer {
    /// One applicant's requests to the model service: the body and headers sent each time, and
    /// what each answer means.
    struct Exchange {
        let scorer: ExternalScorer
        let features: ApplicantFeatures
        let body: [UInt8]
        /// The extra headers and the content type.
        let headers: [String: String]

        init(scorer: ExternalScorer, features: ApplicantFeatures, body: [UInt8]) {
            self.scorer = scorer
            self.features = features
            self.body = body
            self.headers = scorer.headers.merging(["content-type": "application/json"]) { _, ours in ours }
        }

        /// What one request came to.
        enum Outcome {
            case decided(ScoreDecision)
            /// The request failed; `askAgain` when another request may succeed.
            case failed(ScoringError, askAgain: Bool)
        }

        /// Makes request number `attempt` and reads its answer.
        func ask(attempt: Int) async throws(CancellationError) -> Outcome {
            let client = HTTPClient(answerLimit: scorer.answerLimit)
            let answer: HTTPMessage
            let status: Int
            do throws(HTTPFailure) {
                answer = try await client.post(body, to: scorer.endpoint, headers: headers, timeout: scorer.timeout)
                status = try answer.status()
            } catch {
                switch error {
                case .cancelled:
                    throw CancellationError()
                case .timedOut(let phase):
                    let context = self.context(attempt, ["phase": phase, "timeout": "\(scorer.timeout)"])
                    return .failed(ScoringError(.modelTimeout, context: context), askAgain: true)
                default:
                    return .failed(ScoringError(.modelFailed, context: context(attempt, ["problem": error.problem])), askAgain: error.isTransient)
                }
            }
            guard (200..<300).contains(status) else {
                let failure = ScoringError(.modelFailed, context: context(attempt, ["status": "\(status)", "problem": "HTTP status \(status)"]),
                                           details: hidingHeaders("answer: \(String(decoding: answer.body.prefix(200), as: UTF8.self))"))
                return .failed(failure, askAgain: status >= 500)
            }
            do {
                let model = try ModelAnswer(json: Data(answer.body))
                return .decided(ScoreDecision(scorer: model.model ?? scorer.identity, score: model.score, reasons: model.reasons, inputs: features))
            } catch {
                let context = self.context(attempt, error.context.merging(["status": "\(status)"]) { mine, _ in mine })
                return .failed(ScoringError(.modelFailed, context: context, details: hidingHeaders(error.details)), askAgain: false)
            }
        }

        /// The facts every failure names: where the service listens and how many requests were made.
        private func context(_ attempt: Int, _ facts: [String: String]) -> [String: String] {
            facts.merging(["host": scorer.endpoint.host, "port": "\(scorer.endpoint.port)", "attempts": "\(attempt)"]) { mine, _ in mine }
        }

        /// `text` with every extra header's value blotted out, for a service that echoes them.
        private func hidingHeaders(_ text: String) -> String {
            scorer.headers.values.filter { !$0.isEmpty }.reduce(text) { $0.replacing($1, with: "[header]") }
        }
    }
}
