/// A points scorecard: a base score plus, for each feature, the points of the bin its value falls
/// in. Banks' risk teams read it as a table; the SDK loads it from JSON (see
/// <doc:ScorecardFormat>), validates it, and scores one applicant or a batch of millions.
///
/// Bins of a numeric feature are half-open, `[previous upTo, upTo)`, the first from −∞ and the last
/// (which has no `upTo`) to +∞. Bins of a categorical feature list their categories. A missing
/// value scores the feature's ``Feature/missing`` bin; a category no bin lists scores the bin
/// ``Feature/unseenBin`` names, or like a missing value when it names none.
public struct Scorecard: Sendable, Hashable, Codable {
    /// The format this SDK writes; it reads this one and every earlier one.
    public static let currentFormatVersion = 1
    /// The `format` field of every scorecard file.
    public static let formatName = "creditmedical.scorecard"

    public var format: String = Scorecard.formatName
    public var formatVersion: Int = Scorecard.currentFormatVersion
    /// The scorecard's name and version, recorded with each decision.
    public var id: String
    public var version: String
    /// The points every applicant starts with.
    public var baseScore: Int
    /// How points were scaled from odds in training; `nil` for a hand-made card.
    public var scaling: PointsScaling?
    /// Columns left out by policy when the card was trained (such as age, where a program
    /// promises no age limit).
    public var excluded: [String]
    /// How many adverse reasons a decision lists at most.
    public var maxReasons: Int
    public var features: [Feature]

    public init(id: String, version: String, baseScore: Int, scaling: PointsScaling? = nil, excluded: [String] = [], maxReasons: Int = 4,
                features: [Feature]) {
        self.id = id
        self.version = version
        self.baseScore = baseScore
        self.scaling = scaling
        self.excluded = excluded
        self.maxReasons = maxReasons
        self.features = features
    }

    enum CodingKeys: String, CodingKey {
        case format, formatVersion, id, version, baseScore, scaling, excluded, maxReasons, features
    }

    /// The scorecard's id and version.
    public var identity: ScorerIdentity { ScorerIdentity(id: id, version: version) }
}

extension Scorecard {
    /// Points to double the odds, with the points at a base odds: `score = offset + factor × ln(odds)`
    /// where `factor = pointsToDoubleOdds / ln 2` and `offset = basePoints − factor × ln(baseOdds)`.
    public struct PointsScaling: Sendable, Hashable, Codable {
        /// The score at ``baseOdds`` (good : bad).
        public var basePoints: Double
        public var baseOdds: Double
        public var pointsToDoubleOdds: Double

        public init(basePoints: Double = 600, baseOdds: Double = 50, pointsToDoubleOdds: Double = 20) {
            self.basePoints = basePoints
            self.baseOdds = baseOdds
            self.pointsToDoubleOdds = pointsToDoubleOdds
        }
    }

    /// Whether a feature is a number or a category.
    public enum FeatureKind: String, Sendable, Hashable, Codable {
        case numeric
        case categorical
    }

    /// An adverse reason written by the risk team for one bin.
    public struct Reason: Sendable, Hashable, Codable {
        public var code: String
        public var chinese: String
        public var english: String

        public init(code: String, chinese: String, english: String) {
            self.code = code
            self.chinese = chinese
            self.english = english
        }
    }

    /// One bin: where it lies, its points, and what training measured of it.
    public struct Bin: Sendable, Hashable, Codable {
        /// For a numeric feature, the bin's exclusive upper bound; `nil` for the last bin.
        public var upTo: Double?
        /// For a categorical feature, the categories of the bin.
        public var categories: [String]?
        public var points: Int
        /// The weight of evidence training measured, `ln(share of goods / share of bads)`.
        public var woe: Double?
        /// The adverse reason to give when this bin costs points; without it the SDK words one
        /// from the feature's label and the bin.
        public var reason: Reason?

        public init(upTo: Double? = nil, categories: [String]? = nil, points: Int, woe: Double? = nil, reason: Reason? = nil) {
            self.upTo = upTo
            self.categories = categories
            self.points = points
            self.woe = woe
            self.reason = reason
        }
    }

    /// One feature of the card.
    public struct Feature: Sendable, Hashable, Codable {
        /// The feature's name, as ``ApplicantFeatures`` and data files name it.
        public var name: String
        public var kind: FeatureKind
        /// What the feature is, in words for reasons; the name when absent.
        public var label: BilingualText?
        public var bins: [Bin]
        /// The bin of a missing value.
        public var missing: Bin
        /// For a categorical feature, the index in ``bins`` of the bin a category none lists
        /// scores in; `nil` to score it like a missing value.
        public var unseenBin: Int?
        /// The information value training measured.
        public var informationValue: Double?

        public init(name: String, kind: FeatureKind, label: BilingualText? = nil, bins: [Bin], missing: Bin, unseenBin: Int? = nil,
                    informationValue: Double? = nil) {
            self.name = name
            self.kind = kind
            self.label = label
            self.bins = bins
            self.missing = missing
            self.unseenBin = unseenBin
            self.informationValue = informationValue
        }
    }
}
