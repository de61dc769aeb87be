public import Foundation

/// What a model service answers an ``ExternalScorer`` with, as JSON:
///
/// ```json
/// {"score": 612,
///  "reasons": [{"code": "housing_fund_months.short", "chinese": "住房公积金缴存不足12个月",
///               "english": "housing fund paid for less than 12 months", "points_below_best": 12}],
///  "model": {"id": "bank-model", "version": "2026-11"}}
/// ```
///
/// `score` is an integer; `reasons` (the feature costing most points first) and `model` (the
/// model that decided, when it is not the one configured) may be left out.
public struct ModelAnswer: Sendable, Hashable {
    public let score: Int
    public let reasons: [ScoreReason]
    /// The model that decided, if the service names it.
    public let model: ScorerIdentity?

    public init(score: Int, reasons: [ScoreReason] = [], model: ScorerIdentity? = nil) {
        self.score = score
        self.reasons = reasons
        self.model = model
    }

    /// Reads an answer; one that is not JSON or has no integer score is a
    /// `ScoringError.Code.modelFailed` naming the `problem` (the parser's words go to the
    /// details, since they may quote the answer).
    public init(json: Data) throws(ScoringError) {
        do {
            let wire = try JSONDecoder().decode(Wire.self, from: json)
            self.init(score: wire.score, reasons: wire.reasons?.map(\.reason) ?? [], model: wire.model)
        } catch let error as DecodingError {
            throw ScoringError(.modelFailed, context: ["problem": Self.problem(error)], details: "\(error)")
        } catch {
            throw ScoringError(.modelFailed, context: ["problem": "not an answer"], details: "\(error)")
        }
    }

    /// The answer as JSON, keys sorted.
    public func json() -> Data {
        let wire = Wire(score: score, reasons: reasons.map(WireReason.init), model: model)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Integers and strings only: encoding cannot fail.
        return (try? encoder.encode(wire)) ?? Data()
    }

    /// Where and how an answer breaks the format, in words free of its values.
    private static func problem(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let names = (keys + (last.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
            return names.isEmpty ? "answer" : String(names.joined().drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath, key)) missing"
        case .typeMismatch(_, let context): return "\(path(context.codingPath)) of the wrong type"
        case .valueNotFound(_, let context): return "\(path(context.codingPath)) is null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "\(path(context.codingPath)) not a valid value"
        @unknown default: return "not an answer"
        }
    }

    private struct Wire: Codable {
        var score: Int
        var reasons: [WireReason]?
        var model: ScorerIdentity?

        init(score: Int, reasons: [WireReason]?, model: ScorerIdentity?) {
            self.score = score
            self.reasons = reasons
            self.model = model
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            score = try container.decodeWholeNumber(forKey: .score)
            reasons = try container.decodeIfPresent([WireReason].self, forKey: .reasons)
            model = try container.decodeIfPresent(ScorerIdentity.self, forKey: .model)
        }

        enum CodingKeys: String, CodingKey {
            case score, reasons, model
        }
    }

    private struct WireReason: Codable {
        var code: String
        var chinese: String
        var english: String
        var pointsBelowBest: Int

        init(_ reason: ScoreReason) {
            self.init(code: reason.code, chinese: reason.chinese, english: reason.english, pointsBelowBest: reason.pointsBelowBest)
        }

        init(code: String, chinese: String, english: String, pointsBelowBest: Int) {
            self.code = code
            self.chinese = chinese
            self.english = english
            self.pointsBelowBest = pointsBelowBest
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = try container.decode(String.self, forKey: .code)
            chinese = try container.decode(String.self, forKey: .chinese)
            english = try container.decode(String.self, forKey: .english)
            pointsBelowBest = try container.decodeWholeNumber(forKey: .pointsBelowBest)
        }

        var reason: ScoreReason { ScoreReason(code: code, chinese: chinese, english: english, pointsBelowBest: pointsBelowBest) }

        enum CodingKeys: String, CodingKey {
            case code, chinese, english
            case pointsBelowBest = "points_below_best"
        }
    }
}

extension KeyedDecodingContainer {
    /// The number at `key` as an `Int`, a `dataCorrupted` error at `key` when it has a fraction
    /// or lies beyond ±1 000 000 000 (the decoder's own error for `612.5` names no key).
    fileprivate func decodeWholeNumber(forKey key: Key) throws -> Int {
        let number = try decode(Double.self, forKey: key)
        guard number.rounded() == number, abs(number) <= 1_000_000_000 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a whole number within ±10^9")
        }
        return Int(number)
    }
}
