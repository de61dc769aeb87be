import CreditMedicalCore

/// Bins a numeric feature: quantile fine bins, merged until each holds the minimum share of rows,
/// then down to the maximum number of bins; then the WoE is made monotonic in the direction of
/// the sign of the value's correlation with the target (falling WoE when a higher value means
/// more bads), unless the binning that is not monotonic has ``BinningOptions/nonMonotonicGain``
/// times its information value.
struct NumericBinner {
    let options: BinningOptions

    func bin(name: String, values: [Double], targets: [UInt8]) -> FeatureBinning {
        let sorted = values.filter { !$0.isNaN }.sorted()
        let cuts = fineCuts(sorted)
        var fine = [BinCounts](repeating: BinCounts(), count: cuts.count + 1)
        var missing = BinCounts()
        var rowFine = [Int32](repeating: -1, count: values.count)
        for row in values.indices {
            let value = values[row]
            if value.isNaN {
                missing.add(target: targets[row])
                continue
            }
            let bin = Self.bin(of: value, in: cuts)
            fine[bin].add(target: targets[row])
            rowFine[row] = Int32(bin)
        }
        let total = fine.total + missing
        var sequence = BinSequence(fine, total: total)
        sequence.mergeSmall(below: options.minimumBinShare * total.count)
        sequence.mergeDown(to: options.maximumBins)
        if !sequence.isMonotonic {
            var monotonic = sequence
            monotonic.makeMonotonic(rising: Self.correlation(values, targets) < 0)
            if sequence.informationValue < options.nonMonotonicGain * monotonic.informationValue { sequence = monotonic }
        }
        var fineToBin = [Int32](repeating: 0, count: fine.count)
        for (bin, members) in sequence.members.enumerated() {
            for member in members { fineToBin[member] = Int32(bin) }
        }
        let bounds = sequence.members.dropLast().map { cuts[$0.max() ?? 0] }
        return FeatureBinning(name: name, kind: .numeric, bins: sequence.counts, missing: missing, upperBounds: bounds,
                              rowBins: rowFine.map { $0 < 0 ? -1 : fineToBin[Int($0)] })
    }

    /// Cut points at the quantiles of the sorted values, each greater than the smallest value and
    /// than the previous cut; fewer when the values take fewer distinct values.
    private func fineCuts(_ sorted: [Double]) -> [Double] {
        guard let first = sorted.first else { return [] }
        var cuts: [Double] = []
        for step in 1..<max(options.fineBins, 2) {
            let cut = sorted[step * sorted.count / max(options.fineBins, 2)]
            if cut > (cuts.last ?? first) { cuts.append(cut) }
        }
        return cuts
    }

    /// The count of cuts at or below `value`.
    static func bin(of value: Double, in cuts: [Double]) -> Int {
        var low = 0, high = cuts.count
        while low < high {
            let middle = (low + high) / 2
            if cuts[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The correlation of the values (missing ones left out) with the target.
    private static func correlation(_ values: [Double], _ targets: [UInt8]) -> Double {
        let rows = values.indices.filter { !values[$0].isNaN }
        return pearsonCorrelation(rows.map { values[$0] }, rows.map { Double(targets[$0]) })
    }
}
