public import Foundation

extension Scorecard {
    /// Reads a scorecard from its JSON and validates it; a broken file is a
    /// ``ScoringError/Code/invalidScorecard`` naming the `path` and the `problem`.
    public init(json: Data) throws(ScoringError) {
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw Self.invalid("", "not JSON: \((error as NSError).localizedDescription)")
        }
        try Self.refuseUnknownKeys(in: tree, allowed: Self.keys, path: "")
        if let version = (tree as? [String: Any])?["formatVersion"] as? Int, version > Self.currentFormatVersion || version < 1 {
            throw ScoringError(.unsupportedFormat, context: ["formatVersion": "\(version)", "reads": "1...\(Self.currentFormatVersion)"])
        }
        do {
            self = try JSONDecoder().decode(Scorecard.self, from: json)
        } catch let error as DecodingError {
            throw Self.invalid(error)
        } catch {
            throw Self.invalid("", "\(error)")
        }
        try validate()
    }

    /// The scorecard as JSON, keys sorted, for a file a person reads and a version control diffs.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every value is a plain number, string or array: encoding cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        id = try container.decode(String.self, forKey: .id)
        version = try container.decode(String.self, forKey: .version)
        baseScore = try container.decode(Int.self, forKey: .baseScore)
        scaling = try container.decodeIfPresent(PointsScaling.self, forKey: .scaling)
        excluded = try container.decodeIfPresent([String].self, forKey: .excluded) ?? []
        maxReasons = try container.decodeIfPresent(Int.self, forKey: .maxReasons) ?? 4
        features = try container.decode([Feature].self, forKey: .features)
    }

    /// The keys each object of the format may have; any other is refused, so a misspelt key is
    /// an error, not a silently ignored setting.
    private static let keys: [String: Set<String>] = [
        "": ["format", "formatVersion", "id", "version", "baseScore", "scaling", "excluded", "maxReasons", "features"],
        "scaling": ["basePoints", "baseOdds", "pointsToDoubleOdds"],
        "features": ["name", "kind", "label", "bins", "missing", "unseenBin", "informationValue"],
        "label": ["chinese", "english"],
        "bins": ["upTo", "categories", "points", "woe", "reason"],
        "missing": ["upTo", "categories", "points", "woe", "reason"],
        "reason": ["code", "chinese", "english"],
    ]

    private static func refuseUnknownKeys(in value: Any, allowed: [String: Set<String>], path: String, key: String = "") throws(ScoringError) {
        if let object = value as? [String: Any] {
            guard let known = allowed[key] else { return }
            for name in object.keys.sorted() {
                let child = path.isEmpty ? name : "\(path).\(name)"
                guard known.contains(name) else { throw invalid(child, "unknown key (known: \(known.sorted().joined(separator: ", ")))") }
                try refuseUnknownKeys(in: object[name]!, allowed: allowed, path: child, key: name)
            }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                try refuseUnknownKeys(in: element, allowed: allowed, path: "\(path)[\(index)]", key: key)
            }
        }
    }

    private static func invalid(_ error: DecodingError) -> ScoringError {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce(into: "") { path, key in
                if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
        }
        switch error {
        case .keyNotFound(let key, let context): return invalid(path(context.codingPath + [key]), "missing")
        case .typeMismatch(let type, let context): return invalid(path(context.codingPath), "expected \(type)")
        case .valueNotFound(let type, let context): return invalid(path(context.codingPath), "expected \(type), found null")
        case .dataCorrupted(let context): return invalid(path(context.codingPath), context.debugDescription)
        @unknown default: return invalid("", "\(error)")
        }
    }

    static func invalid(_ path: String, _ problem: String) -> ScoringError {
        ScoringError(.invalidScorecard, context: ["path": path.isEmpty ? "(file)" : path, "problem": problem])
    }
}
