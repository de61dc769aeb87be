/// Adjacent bins being merged: each holds the counts and the fine bins (or category groups) it
/// was made from. Every merge joins two neighbours, choosing the pair that loses the least
/// information value.
struct BinSequence {
    private(set) var counts: [BinCounts]
    private(set) var members: [[Int]]
    /// All rows' counts (the missing ones included), against which shares are taken.
    let total: BinCounts

    init(_ counts: [BinCounts], total: BinCounts) {
        self.counts = counts
        self.members = counts.indices.map { [$0] }
        self.total = total
    }

    var informationValue: Double { counts.informationValue(in: total) }
    var weightsOfEvidence: [Double] { counts.map { $0.weightOfEvidence(in: total) } }

    /// Joins bin `index` with the next one.
    mutating func merge(at index: Int) {
        counts[index] = counts[index] + counts[index + 1]
        members[index] += members[index + 1]
        counts.remove(at: index + 1)
        members.remove(at: index + 1)
    }

    /// The information value lost by joining bin `index` with the next one.
    func loss(at index: Int) -> Double {
        counts[index].informationValue(in: total) + counts[index + 1].informationValue(in: total)
            - (counts[index] + counts[index + 1]).informationValue(in: total)
    }

    /// The pair, among `candidates` (indices of a bin and its next), that loses least.
    private func cheapest(_ candidates: some Sequence<Int>) -> Int? {
        candidates.min { loss(at: $0) < loss(at: $1) }
    }

    /// Merges each bin with fewer than `minimum` rows into the neighbour that loses least, the
    /// smallest bin first.
    mutating func mergeSmall(below minimum: Double) {
        while counts.count > 1, let smallest = counts.indices.min(by: { counts[$0].count < counts[$1].count }),
              counts[smallest].count < minimum {
            let pairs = [smallest - 1, smallest].filter { $0 >= 0 && $0 + 1 < counts.count }
            merge(at: cheapest(pairs) ?? 0)
        }
    }

    /// Merges the cheapest neighbours until at most `maximum` bins are left.
    mutating func mergeDown(to maximum: Int) {
        while counts.count > max(maximum, 1), let pair = cheapest(0..<(counts.count - 1)) {
            merge(at: pair)
        }
    }

    /// Merges neighbours whose WoE breaks the trend (rising when `rising`, falling otherwise),
    /// the cheapest such pair first, until the WoE runs one way.
    mutating func makeMonotonic(rising: Bool) {
        while true {
            let woes = weightsOfEvidence
            let breaking = (0..<max(woes.count - 1, 0)).filter { rising ? woes[$0 + 1] < woes[$0] : woes[$0 + 1] > woes[$0] }
            guard let pair = cheapest(breaking) else { return }
            merge(at: pair)
        }
    }

    /// Whether the WoE runs one way (ties allowed).
    var isMonotonic: Bool {
        let woes = weightsOfEvidence
        let steps = zip(woes.dropFirst(), woes).map { $0 - $1 }
        return steps.allSatisfy { $0 >= 0 } || steps.allSatisfy { $0 <= 0 }
    }
}
