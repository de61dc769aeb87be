extension LimitPolicy: PolicyFile {
    public static let keys: [String: Set<String>] = [
        "": ["format", "formatVersion", "id", "version", "tiers"],
        "tiers": ["name", "minimumScore", "maximumScore", "permille", "capFen"],
    ]

    /// The largest share a tier may grant: ten times the bank's line.
    public static let maximumPermille: Int64 = 10_000

    /// Checks what the format cannot say: at least one tier, names unique, each tier's scores
    /// in order, tiers lowest first and not overlapping (only the last may be open-ended), a
    /// share from 0 to ``maximumPermille``, caps not negative.
    public func validate() throws(PolicyError) {
        guard !tiers.isEmpty else { throw Self.invalid("tiers", "at least one tier") }
        var names = Set<String>()
        for (index, tier) in tiers.enumerated() {
            let path = "tiers[\(index)]"
            guard !tier.name.isEmpty, names.insert(tier.name).inserted else { throw Self.invalid("\(path).name", "empty or used twice") }
            if let maximum = tier.maximumScore, maximum < tier.minimumScore {
                throw Self.invalid("\(path).maximumScore", "below the tier's minimum score \(tier.minimumScore)")
            }
            guard (0...Self.maximumPermille).contains(tier.permille) else {
                throw Self.invalid("\(path).permille", "must be 0 to \(Self.maximumPermille)")
            }
            if let cap = tier.capFen, cap < 0 { throw Self.invalid("\(path).capFen", "must not be negative") }
            guard index > 0 else { continue }
            let previous = tiers[index - 1]
            guard let previousMaximum = previous.maximumScore else {
                throw Self.invalid("tiers[\(index - 1)].maximumScore", "only the last tier may have no maximum score")
            }
            guard tier.minimumScore > previousMaximum else {
                throw Self.invalid("\(path).minimumScore", "overlaps tiers[\(index - 1)] (up to \(previousMaximum)); tiers go lowest first")
            }
        }
    }
}

extension LimitPolicy {
    /// As in Xiamen, where the score's tier decides the limit: 750 and above the bank's whole
    /// line up to ¥50,000; 700–749 80 % up to ¥30,000; 650–699 50 % up to ¥10,000; below 650 no
    /// line.
    public static let xiamenStyle = LimitPolicy(id: "preset-xiamen", version: "1", tiers: [
        Tier(name: "C", minimumScore: 650, maximumScore: 699, permille: 500, capFen: 1_000_000),
        Tier(name: "B", minimumScore: 700, maximumScore: 749, permille: 800, capFen: 3_000_000),
        Tier(name: "A", minimumScore: 750, permille: 1_000, capFen: 5_000_000),
    ])
}
