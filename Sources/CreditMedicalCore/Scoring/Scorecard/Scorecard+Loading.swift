public import Foundation

extension Scorecard {
    /// Reads a scorecard from its JSON and validates it; a broken file is a
    /// `ScoringError.Code.invalidScorecard` naming the `path` and the `problem`.
    public init(json: Data) throws(ScoringError) {
        if let version = StrictJSON.integer("formatVersion", in: json), version > Self.currentFormatVersion || version < 1 {
            throw ScoringError(.unsupportedFormat, context: ["formatVersion": "\(version)", "reads": "1...\(Self.currentFormatVersion)"])
        }
        do {
            self = try StrictJSON(keys: Self.keys).decode(Scorecard.self, from: json)
        } catch {
            throw Self.invalid(error.path, error.problem)
        }
        try validate()
    }

    /// The scorecard as JSON, keys sorted, for a file a person reads and a version control diffs.
    public func json() -> Data {
        StrictJSON.encode(self)
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

    static func invalid(_ path: String, _ problem: String) -> ScoringError {
        ScoringError(.invalidScorecard, context: ["path": path.isEmpty ? "(file)" : path, "problem": problem])
    }
}
