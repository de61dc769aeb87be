extension Scorecard {
    /// The largest number of points a base score or a bin may have, so that no sum overflows.
    public static let maximumPoints = 1_000_000

    /// Checks what the JSON format cannot say: bins in order and complete, categories listed once,
    /// names unique, points in range. Throws `ScoringError.Code.invalidScorecard` naming the
    /// first problem's `path`.
    public func validate() throws(ScoringError) {
        guard format == Self.formatName else { throw Self.invalid("format", "must be \"\(Self.formatName)\"") }
        guard (1...Self.currentFormatVersion).contains(formatVersion) else {
            throw ScoringError(.unsupportedFormat, context: ["formatVersion": "\(formatVersion)", "reads": "1...\(Self.currentFormatVersion)"])
        }
        for (field, value) in [("id", id), ("version", version)] where value.isEmpty || value.utf8.count > 128 {
            throw Self.invalid(field, "must have 1 to 128 bytes")
        }
        try Self.check(points: baseScore, "baseScore")
        guard (0...20).contains(maxReasons) else { throw Self.invalid("maxReasons", "must be 0 to 20") }
        if let scaling {
            guard scaling.baseOdds > 0, scaling.pointsToDoubleOdds != 0, scaling.basePoints.isFinite, scaling.baseOdds.isFinite,
                  scaling.pointsToDoubleOdds.isFinite
            else { throw Self.invalid("scaling", "base odds must be positive and points to double the odds non-zero, all finite") }
        }
        guard !features.isEmpty else { throw Self.invalid("features", "a scorecard needs at least one feature") }
        var names = Set<String>()
        for (index, feature) in features.enumerated() {
            let path = "features[\(index)]"
            guard !feature.name.isEmpty else { throw Self.invalid("\(path).name", "empty") }
            guard names.insert(feature.name).inserted else { throw Self.invalid("\(path).name", "\"\(feature.name)\" appears twice") }
            try feature.validate(path)
        }
        if let both = excluded.first(where: names.contains) {
            throw Self.invalid("excluded", "\"\(both)\" is excluded and also a feature")
        }
    }

    static func check(points: Int, _ path: String) throws(ScoringError) {
        guard abs(points) <= maximumPoints else { throw invalid(path, "must be within ±\(maximumPoints)") }
    }
}

extension Scorecard.Feature {
    func validate(_ path: String) throws(ScoringError) {
        guard !bins.isEmpty else { throw Scorecard.invalid("\(path).bins", "a feature needs at least one bin") }
        try Scorecard.check(points: missing.points, "\(path).missing.points")
        guard missing.upTo == nil, missing.categories == nil else {
            throw Scorecard.invalid("\(path).missing", "the missing bin has neither upTo nor categories")
        }
        if let informationValue, !informationValue.isFinite { throw Scorecard.invalid("\(path).informationValue", "must be finite") }
        var seen = Set<String>()
        for (index, bin) in bins.enumerated() {
            let binPath = "\(path).bins[\(index)]"
            try Scorecard.check(points: bin.points, "\(binPath).points")
            if let woe = bin.woe, !woe.isFinite { throw Scorecard.invalid("\(binPath).woe", "must be finite") }
            switch kind {
            case .numeric:
                guard bin.categories == nil else { throw Scorecard.invalid("\(binPath).categories", "a numeric feature's bins have none") }
                let last = index == bins.count - 1
                guard last == (bin.upTo == nil) else {
                    throw Scorecard.invalid("\(binPath).upTo", last ? "the last bin runs to infinity and has no upTo" : "missing")
                }
                if let upTo = bin.upTo {
                    guard upTo.isFinite else { throw Scorecard.invalid("\(binPath).upTo", "must be finite") }
                    if index > 0, let previous = bins[index - 1].upTo, upTo <= previous {
                        throw Scorecard.invalid("\(binPath).upTo", "must be greater than the previous bin's \(previous)")
                    }
                }
            case .categorical:
                guard bin.upTo == nil else { throw Scorecard.invalid("\(binPath).upTo", "a categorical feature's bins have none") }
                guard let categories = bin.categories, !categories.isEmpty else {
                    throw Scorecard.invalid("\(binPath).categories", "a categorical bin lists at least one category")
                }
                for category in categories where !seen.insert(category).inserted {
                    throw Scorecard.invalid("\(binPath).categories", "\"\(category)\" is listed twice")
                }
            }
        }
        if let unseenBin {
            guard kind == .categorical else { throw Scorecard.invalid("\(path).unseenBin", "only a categorical feature has one") }
            guard bins.indices.contains(unseenBin) else { throw Scorecard.invalid("\(path).unseenBin", "no bin \(unseenBin)") }
        }
    }
}
