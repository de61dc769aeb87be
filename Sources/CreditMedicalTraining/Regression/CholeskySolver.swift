/// Solves `A x = b` for a small symmetric positive definite `A` (row-major, `size × size`) by
/// Cholesky factorisation `A = L Lᵀ`; `nil` when `A` is not positive definite.
func choleskySolve(_ matrix: [Double], _ right: [Double], size: Int) -> [Double]? {
    var lower = [Double](repeating: 0, count: size * size)
    for row in 0..<size {
        for column in 0...row {
            var sum = matrix[row * size + column]
            for k in 0..<column { sum -= lower[row * size + k] * lower[column * size + k] }
            if row == column {
                guard sum > 0 else { return nil }
                lower[row * size + row] = sum.squareRoot()
            } else {
                lower[row * size + column] = sum / lower[column * size + column]
            }
        }
    }
    // Forward: L y = b; backward: Lᵀ x = y.
    var solution = right
    for row in 0..<size {
        for k in 0..<row { solution[row] -= lower[row * size + k] * solution[k] }
        solution[row] /= lower[row * size + row]
    }
    for row in stride(from: size - 1, through: 0, by: -1) {
        for k in (row + 1)..<max(size, row + 1) { solution[row] -= lower[k * size + row] * solution[k] }
        solution[row] /= lower[row * size + row]
    }
    return solution
}
