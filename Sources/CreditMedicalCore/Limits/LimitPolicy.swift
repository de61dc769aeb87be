/// How much credit a score earns (梯度出额): tiers of scores, each granting a share of the bank's
/// initial line (以银行初始授信为基准), at most a cap. A score in no tier earns no line. Loaded
/// from JSON and validated on load; ``xiamenStyle`` follows a real program.
public struct LimitPolicy: Sendable, Hashable, Codable {
    /// One tier: the scores it covers, the share of the bank's line it grants, and its cap.
    public struct Tier: Sendable, Hashable, Codable {
        /// Its name, such as `A`, recorded with the limit and shown to the patient.
        public var name: String
        /// The lowest score of the tier.
        public var minimumScore: Int
        /// The highest score of the tier; `nil` for no upper end.
        public var maximumScore: Int?
        /// The share of the bank's initial line granted, in thousandths (800 = 80 %, 1,200 = 120 %).
        public var permille: Int64
        /// The most the tier grants, in fen; `nil` for no cap beyond the share.
        public var capFen: Int64?

        public init(name: String, minimumScore: Int, maximumScore: Int? = nil, permille: Int64, capFen: Int64? = nil) {
            self.name = name
            self.minimumScore = minimumScore
            self.maximumScore = maximumScore
            self.permille = permille
            self.capFen = capFen
        }

        func covers(_ score: Int) -> Bool { score >= minimumScore && score <= (maximumScore ?? .max) }

        /// What the tier grants on a bank line of `bankLine`: its share, at most its cap.
        public func limit(bankLine: Money) throws(MoneyError) -> Money {
            let share = try bankLine.share(permille: permille)
            return capFen.map { Money(fen: min($0, share.fen)) } ?? share
        }
    }

    /// The format this SDK writes; it reads this one and every earlier one.
    public static let currentFormatVersion = 1
    /// The `format` field of every limit file.
    public static let formatName = "creditmedical.limits"

    public var format: String = LimitPolicy.formatName
    public var formatVersion: Int = LimitPolicy.currentFormatVersion
    public var id: String
    public var version: String
    /// The tiers, lowest scores first, none overlapping.
    public var tiers: [Tier]

    public init(id: String, version: String, tiers: [Tier]) {
        self.id = id
        self.version = version
        self.tiers = tiers
    }

    /// The tier and limit `score` earns on a bank line of `bankLine`; `nil` when the score is in
    /// no tier. Throws `MoneyError` when the share does not fit into fen.
    public func limit(score: Int, bankLine: Money) throws(MoneyError) -> (tier: String, limit: Money)? {
        guard let tier = tiers.first(where: { $0.covers(score) }) else { return nil }
        return (tier.name, try tier.limit(bankLine: bankLine))
    }
}
