/// The cumulative shares of bads and goods with a score at or below each distinct score, lowest
/// score first: the ROC curve (goods against bads) and the KS chart (both against the score).
struct ScoreCurve {
    struct Point {
        /// The share of all goods at or below the score.
        var goodShare: Double
        /// The share of all bads at or below the score.
        var badShare: Double
    }

    /// From (0, 0) to (1, 1), one point per distinct score.
    let points: [Point]

    init(scores: [Int], targets: [UInt8]) {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        let bads = Double(max(targets.reduce(0) { $0 + Int($1) }, 1))
        let goods = Double(max(targets.count - targets.reduce(0) { $0 + Int($1) }, 1))
        var points = [Point(goodShare: 0, badShare: 0)]
        var (good, bad) = (0.0, 0.0)
        for (position, row) in order.enumerated() {
            if targets[row] == 1 { bad += 1 } else { good += 1 }
            let lastOfScore = position == order.count - 1 || scores[order[position + 1]] != scores[row]
            if lastOfScore { points.append(Point(goodShare: good / goods, badShare: bad / bads)) }
        }
        self.points = points
    }
}
