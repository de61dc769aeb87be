import Foundation

/// The goods (target 0) and bads (target 1) that fell in one bin, and what they weigh.
///
/// **Weight of evidence** is `ln(share of all goods in the bin / share of all bads in the bin)`:
/// positive where goods gather, so a higher WoE is a safer bin. A bin with no goods or no bads
/// would have an infinite WoE; such a cell gets 0.5 added to both its goods and its bads before
/// the shares are taken (the totals stay as counted).
///
/// The bin's share of the **information value** is `(good share − bad share) × WoE`, never
/// negative.
public struct BinCounts: Sendable, Hashable {
    public var goods: Double
    public var bads: Double

    public init(goods: Double = 0, bads: Double = 0) {
        self.goods = goods
        self.bads = bads
    }

    /// How many rows fell in the bin.
    public var count: Double { goods + bads }

    /// Both bins' rows together.
    public static func + (left: BinCounts, right: BinCounts) -> BinCounts {
        BinCounts(goods: left.goods + right.goods, bads: left.bads + right.bads)
    }

    /// Adds one row with `target` (1 = bad).
    mutating func add(target: UInt8) {
        if target == 1 { bads += 1 } else { goods += 1 }
    }

    /// The shares of all goods and all bads in the bin, smoothed as the type says.
    func shares(in total: BinCounts) -> (good: Double, bad: Double) {
        let smoothing = goods == 0 || bads == 0 ? 0.5 : 0
        return ((goods + smoothing) / max(total.goods, 1), (bads + smoothing) / max(total.bads, 1))
    }

    /// The bin's weight of evidence, given all rows' counts; 0 for an empty bin.
    public func weightOfEvidence(in total: BinCounts) -> Double {
        guard count > 0 else { return 0 }
        let shares = shares(in: total)
        return log(shares.good / shares.bad)
    }

    /// The bin's part of the information value, given all rows' counts.
    public func informationValue(in total: BinCounts) -> Double {
        guard count > 0 else { return 0 }
        let shares = shares(in: total)
        return (shares.good - shares.bad) * log(shares.good / shares.bad)
    }
}

extension Array where Element == BinCounts {
    /// All bins' counts together.
    public var total: BinCounts { reduce(BinCounts(), +) }

    /// The information value of a binning: the sum of its bins' parts.
    public func informationValue(in total: BinCounts) -> Double {
        reduce(0) { $0 + $1.informationValue(in: total) }
    }
}
