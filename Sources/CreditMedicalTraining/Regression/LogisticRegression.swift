import Foundation

/// A logistic regression of a 0/1 target on a few columns, `log-odds(target = 1) = b0 + Σ bi·xi`,
/// fitted by Newton's method (iteratively reweighted least squares), each step solving the normal
/// equations by Cholesky. The penalty `l2 × Σ bi²  / 2` (the intercept is not penalised) keeps
/// the fit finite when the data separate perfectly.
public struct LogisticRegression: Sendable, Hashable {
    /// `b0`.
    public let intercept: Double
    /// `bi`, one per column.
    public let coefficients: [Double]
    /// How many Newton steps were taken.
    public let iterations: Int
    /// Whether the largest step fell below the tolerance within the iterations allowed.
    public let converged: Bool

    /// Fits `targets` (0 or 1) on `columns` (each with a value per row).
    public init(columns: [[Double]], targets: [UInt8], l2: Double, maximumIterations: Int = 50, tolerance: Double = 1e-9) {
        let size = columns.count + 1
        let rows = targets.count
        var beta = [Double](repeating: 0, count: size)
        let mean = Double(targets.reduce(0) { $0 + Int($1) }) / Double(max(rows, 1))
        if mean > 0, mean < 1 { beta[0] = log(mean / (1 - mean)) }
        var iterations = 0, converged = false
        // The rows one after another, each starting with the intercept's 1.
        var design = [Double](repeating: 1, count: rows * size)
        for (column, values) in columns.enumerated() {
            for index in 0..<rows { design[index * size + column + 1] = values[index] }
        }
        while iterations < maximumIterations, !converged {
            iterations += 1
            var hessian = [Double](repeating: 0, count: size * size)
            var gradient = [Double](repeating: 0, count: size)
            design.withUnsafeBufferPointer { design in
                hessian.withUnsafeMutableBufferPointer { hessian in
                    gradient.withUnsafeMutableBufferPointer { gradient in
                        for index in 0..<rows {
                            let row = design.baseAddress! + index * size
                            var eta = 0.0
                            for column in 0..<size { eta += beta[column] * row[column] }
                            let probability = 1 / (1 + exp(-eta))
                            let weight = probability * (1 - probability)
                            let residual = Double(targets[index]) - probability
                            for i in 0..<size {
                                gradient[i] += residual * row[i]
                                let weighted = weight * row[i]
                                for j in 0...i { hessian[i * size + j] += weighted * row[j] }
                            }
                        }
                    }
                }
            }
            for i in 0..<size {
                for j in 0..<i { hessian[j * size + i] = hessian[i * size + j] }
                if i > 0 {
                    hessian[i * size + i] += l2
                    gradient[i] -= l2 * beta[i]
                }
            }
            // A tiny ridge keeps a singular Hessian (a column that never varies) solvable.
            for i in 0..<size { hessian[i * size + i] += 1e-12 * max(hessian[i * size + i], 1) }
            guard let step = choleskySolve(hessian, gradient, size: size) else { break }
            for i in 0..<size { beta[i] += step[i] }
            converged = step.allSatisfy { abs($0) < tolerance }
        }
        self.intercept = beta[0]
        self.coefficients = Array(beta.dropFirst())
        self.iterations = iterations
        self.converged = converged
    }

    /// The log-odds of target 1 for one row's values.
    public func logOdds(_ values: [Double]) -> Double {
        zip(coefficients, values).reduce(intercept) { $0 + $1.0 * $1.1 }
    }
}
