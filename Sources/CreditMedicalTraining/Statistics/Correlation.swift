/// Pearson's correlation of two columns of equal length; 0 when either is constant.
func pearsonCorrelation(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "columns of equal length")
    let count = Double(x.count)
    guard count > 1 else { return 0 }
    var sumX = 0.0, sumY = 0.0
    for index in x.indices {
        sumX += x[index]
        sumY += y[index]
    }
    let meanX = sumX / count, meanY = sumY / count
    var covariance = 0.0, varianceX = 0.0, varianceY = 0.0
    for index in x.indices {
        let dx = x[index] - meanX, dy = y[index] - meanY
        covariance += dx * dy
        varianceX += dx * dx
        varianceY += dy * dy
    }
    guard varianceX > 0, varianceY > 0 else { return 0 }
    return covariance / (varianceX * varianceY).squareRoot()
}
