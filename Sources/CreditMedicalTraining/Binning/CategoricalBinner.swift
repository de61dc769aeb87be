import CreditMedicalCore

/// Bins a categorical feature: categories holding less than the minimum share of rows form one
/// group of rare categories (the bin unseen categories score in); the groups are ordered by WoE,
/// small ones merged into a neighbour, and neighbours merged down to the maximum number of bins.
struct CategoricalBinner {
    let options: BinningOptions

    func bin(name: String, codes: [Int32], dictionary: [String], targets: [UInt8]) -> FeatureBinning {
        var byCode = [BinCounts](repeating: BinCounts(), count: dictionary.count)
        var missing = BinCounts()
        for row in codes.indices {
            if codes[row] < 0 { missing.add(target: targets[row]) } else { byCode[Int(codes[row])].add(target: targets[row]) }
        }
        let total = byCode.total + missing
        let minimum = options.minimumBinShare * total.count
        let seen = byCode.indices.filter { byCode[$0].count > 0 }
        let rare = seen.filter { byCode[$0].count < minimum }
        var groups = seen.filter { byCode[$0].count >= minimum }.map { [$0] }
        if !rare.isEmpty { groups.append(rare) }
        let groupCounts = groups.map { group in group.map { byCode[$0] }.total }
        let order = groups.indices.sorted { groupCounts[$0].weightOfEvidence(in: total) < groupCounts[$1].weightOfEvidence(in: total) }
        var sequence = BinSequence(order.map { groupCounts[$0] }, total: total)
        sequence.mergeSmall(below: minimum)
        sequence.mergeDown(to: options.maximumBins)
        var codeBin = [Int32](repeating: -1, count: dictionary.count)
        var categories: [[String]] = []
        for (bin, members) in sequence.members.enumerated() {
            let binCodes = members.flatMap { groups[order[$0]] }
            for code in binCodes { codeBin[code] = Int32(bin) }
            categories.append(binCodes.map { dictionary[$0] })
        }
        let unseenBin = rare.first.map { Int(codeBin[$0]) }
        return FeatureBinning(name: name, kind: .categorical, bins: sequence.counts, missing: missing, categories: categories,
                              unseenBin: unseenBin, rowBins: codes.map { $0 < 0 ? -1 : codeBin[Int($0)] })
    }
}
