public import Foundation

/// The body an ``ExternalScorer`` POSTs to its model service, as JSON:
///
/// ```json
/// {"scorer": {"id": "bank-model", "version": "2026-11"},
///  "features": {"housing_fund_months": 14, "credit_grade": "A", "bureau_overdue_count": null},
///  "missing": {"bureau_overdue_count": "source_down"}}
/// ```
///
/// `scorer` is the configured identity; a number is a JSON number, a category a string, and a
/// missing feature `null` with its ``MissingReason`` (`no_record`, `source_down`,
/// `not_provided`) under the same name in `missing`. A model service treats `null` as missing,
/// never as zero.
public struct ModelRequest: Sendable, Hashable {
    /// The scorer the request is made for.
    public let scorer: ScorerIdentity
    /// The applicant's features, as sent.
    public let features: ApplicantFeatures

    public init(scorer: ScorerIdentity, features: ApplicantFeatures) {
        self.scorer = scorer
        self.features = features
    }

    /// Reads a request body; one that breaks the format is a
    /// `ScoringError.Code.invalidModelRequest` naming the `problem`.
    public init(json: Data) throws(ScoringError) {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: json)
        } catch {
            throw ScoringError(.invalidModelRequest, context: ["problem": "not a request body"], details: "\(error)")
        }
        var features = ApplicantFeatures()
        for (name, value) in wire.features {
            switch value {
            case .number(let number): features[name] = .number(number)
            case .category(let category): features[name] = .category(category)
            case .null: features[name] = .missing(wire.missing[name] ?? .notProvided)
            }
        }
        self.init(scorer: wire.scorer, features: features)
    }

    /// The body as JSON, keys sorted; a number that is not finite cannot be sent and is a
    /// `ScoringError.Code.invalidModelRequest` naming the `feature`.
    public func json() throws(ScoringError) -> Data {
        var wire = Wire(scorer: scorer, features: [:], missing: [:])
        for (name, value) in features.values {
            switch value {
            case .number(let number):
                guard number.isFinite else {
                    throw ScoringError(.invalidModelRequest, context: ["feature": name, "problem": "number not finite"])
                }
                wire.features[name] = .number(number)
            case .category(let category): wire.features[name] = .category(category)
            case .missing(let reason):
                wire.features[name] = .null
                wire.missing[name] = reason
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every number is finite and every other value a string: encoding cannot fail.
        return (try? encoder.encode(wire)) ?? Data()
    }

    private struct Wire: Codable {
        var scorer: ScorerIdentity
        var features: [String: Value]
        var missing: [String: MissingReason]
    }

    /// A feature's value on the wire: a number, a string, or `null`.
    private enum Value: Codable {
        case number(Double)
        case category(String)
        case null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let category = try? container.decode(String.self) {
                self = .category(category)
            } else {
                self = .number(try container.decode(Double.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .category(let category): try container.encode(category)
            case .null: try container.encodeNil()
            }
        }
    }
}
