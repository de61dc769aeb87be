extension Scorecard {
    /// Scores every row of `batch`, feature by feature: the same scores as ``decide(_:)``, without
    /// reasons. Categories are looked up once per distinct category, not once per row.
    ///
    /// Throws `ScoringError.Code.batchMismatch` when a column is of the other kind than its
    /// feature or a category code points past its dictionary.
    public func scores(_ batch: ScoringBatch) throws(ScoringError) -> [Int] {
        var scores = [Int](repeating: baseScore, count: batch.count)
        for feature in features {
            switch (feature.kind, batch.columns[feature.name]) {
            case (_, nil):
                for row in scores.indices { scores[row] += feature.missing.points }
            case (.numeric, .numbers(let values)?):
                feature.addNumericPoints(values, to: &scores)
            case (.categorical, .categories(let codes, let dictionary)?):
                try feature.addCategoryPoints(codes, dictionary, to: &scores)
            case (.numeric, .categories?), (.categorical, .numbers?):
                throw ScoringError(.batchMismatch, context: ["feature": feature.name, "expected": feature.kind.rawValue])
            }
        }
        return scores
    }
}

extension Scorecard.Feature {
    /// Adds each value's bin points: the bin is the count of bounds at or below the value.
    func addNumericPoints(_ values: [Double], to scores: inout [Int]) {
        let bounds = bins.compactMap(\.upTo)
        let points = bins.map(\.points)
        let missingPoints = missing.points
        values.withUnsafeBufferPointer { values in
            bounds.withUnsafeBufferPointer { bounds in
                points.withUnsafeBufferPointer { points in
                    scores.withUnsafeMutableBufferPointer { scores in
                        for row in 0..<values.count {
                            let value = values[row]
                            var bin = 0
                            for bound in bounds { bin &+= value >= bound ? 1 : 0 }
                            scores[row] &+= value.isNaN ? missingPoints : points[bin]
                        }
                    }
                }
            }
        }
    }

    /// Adds each code's bin points, looked up once per category of the dictionary.
    func addCategoryPoints(_ codes: [Int32], _ dictionary: [String], to scores: inout [Int]) throws(ScoringError) {
        var byCode = [Int]()
        byCode.reserveCapacity(dictionary.count)
        for category in dictionary {
            byCode.append(bin(at: bins.firstIndex { $0.categories?.contains(category) == true } ?? unseenBin).points)
        }
        let missingPoints = missing.points
        let valid = byCode.withUnsafeBufferPointer { byCode in
            codes.withUnsafeBufferPointer { codes in
                scores.withUnsafeMutableBufferPointer { scores in
                    var valid = true
                    for row in 0..<codes.count {
                        let code = Int(codes[row])
                        if code < 0 {
                            scores[row] &+= missingPoints
                        } else if code < byCode.count {
                            scores[row] &+= byCode[code]
                        } else {
                            valid = false
                        }
                    }
                    return valid
                }
            }
        }
        guard valid else { throw ScoringError(.batchMismatch, context: ["feature": name, "problem": "a code past the dictionary"]) }
    }
}
