public import CreditMedicalCore

/// How well scores tell bads (target 1) from goods (target 0), with the scorecard convention that
/// a **higher score is safer**.
///
/// - ``auc``: the chance that a random good scores above a random bad, ties counting half
///   (Mann–Whitney U / (goods × bads)).
/// - ``ks``: the largest distance, over all score thresholds, between the share of bads and the
///   share of goods scoring at or below the threshold.
/// - ``gini``: `2 × AUC − 1`.
public struct Discrimination: Sendable, Hashable {
    public let auc: Double
    public let ks: Double
    public let goods: Int
    public let bads: Int

    public var gini: Double { 2 * auc - 1 }

    /// Measures `scores` against `targets` (0 good, 1 bad), row by row. Without both goods and
    /// bads AUC is 0.5 and KS 0.
    /// Throws `TrainingError.Code.unevenColumns` unless there is a target for every score.
    public init(scores: [Double], targets: [UInt8]) throws(TrainingError) {
        guard scores.count == targets.count else {
            throw TrainingError(.unevenColumns, context: ["scores": "\(scores.count)", "targets": "\(targets.count)"])
        }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        let bads = targets.reduce(0) { $0 + Int($1) }
        let goods = targets.count - bads
        self.goods = goods
        self.bads = bads
        guard bads > 0, goods > 0 else {
            auc = 0.5
            ks = 0
            return
        }
        // Walk up the scores one tie group at a time: each good in a group beats every bad below
        // it and ties with the bads in its group.
        var badsBelow = 0.0, goodsBelow = 0.0, wins = 0.0, ks = 0.0
        var start = 0
        while start < order.count {
            var end = start
            var groupBads = 0.0, groupGoods = 0.0
            while end < order.count, scores[order[end]] == scores[order[start]] {
                if targets[order[end]] == 1 { groupBads += 1 } else { groupGoods += 1 }
                end += 1
            }
            wins += groupGoods * (badsBelow + groupBads / 2)
            badsBelow += groupBads
            goodsBelow += groupGoods
            ks = max(ks, abs(badsBelow / Double(bads) - goodsBelow / Double(goods)))
            start = end
        }
        self.auc = wins / (Double(goods) * Double(bads))
        self.ks = ks
    }
}
