import CreditMedicalCore
@testable import CreditMedicalTraining
import XCTest

final class NumericBinnerTests: XCTestCase {
    /// 10,000 rows of a value whose bad rate falls as it rises, a tenth of them missing.
    private func sample() -> (values: [Double], targets: [UInt8]) {
        var generator = SplitMix64(seed: 7)
        var values: [Double] = [], targets: [UInt8] = []
        for _ in 0..<10_000 {
            let value = (generator.unit() * 1000).rounded()
            let badRate = 0.35 - 0.3 * value / 1000
            values.append(generator.unit() < 0.1 ? .nan : value)
            targets.append(generator.unit() < badRate ? 1 : 0)
        }
        return (values, targets)
    }

    func testBinsHoldTheMinimumShareAndAreMonotonic() {
        let (values, targets) = sample()
        let options = BinningOptions(maximumBins: 8)
        let binning = NumericBinner(options: options).bin(name: "x", values: values, targets: targets)
        XCTAssertGreaterThan(binning.bins.count, 2)
        XCTAssertLessThanOrEqual(binning.bins.count, options.maximumBins)
        for bin in binning.bins { XCTAssertGreaterThanOrEqual(bin.count, options.minimumBinShare * 10_000) }
        XCTAssertTrue(binning.isMonotonic)
        // A higher value is safer, so the WoE rises.
        let woes = binning.weightsOfEvidence
        XCTAssertEqual(woes, woes.sorted())
        XCTAssertEqual(binning.upperBounds, binning.upperBounds.sorted())
        XCTAssertEqual(binning.upperBounds.count, binning.bins.count - 1)
    }

    func testMissingValuesHaveTheirOwnBin() {
        let (values, targets) = sample()
        let binning = NumericBinner(options: BinningOptions()).bin(name: "x", values: values, targets: targets)
        XCTAssertEqual(binning.missing.count, Double(values.filter(\.isNaN).count))
        XCTAssertEqual(binning.bins.total.count + binning.missing.count, 10_000)
        XCTAssertEqual(zip(binning.rowBins, values).filter { $0.1.isNaN }.map(\.0), [Int32](repeating: -1, count: Int(binning.missing.count)))
        XCTAssertNotEqual(binning.missingWeightOfEvidence, 0)
        let complete = NumericBinner(options: BinningOptions()).bin(name: "x", values: values.map { $0.isNaN ? 1 : $0 }, targets: targets)
        XCTAssertEqual(complete.missing.count, 0)
        XCTAssertEqual(complete.missingWeightOfEvidence, 0)
    }

    func testAValueAtABoundGoesToTheBinAbove() {
        // Bounds are exclusive upper bounds, as the scorecard reads them.
        XCTAssertEqual(NumericBinner.bin(of: 5, in: [5, 10]), 1)
        XCTAssertEqual(NumericBinner.bin(of: 4.99, in: [5, 10]), 0)
        XCTAssertEqual(NumericBinner.bin(of: 10, in: [5, 10]), 2)
    }

    func testAFewDistinctValuesGetABinEach() {
        let values = (0..<600).map { Double($0 % 3) }
        let targets = (0..<600).map { UInt8($0 % 3 == 2 && $0 % 2 == 0 ? 1 : 0) }
        let binning = NumericBinner(options: BinningOptions()).bin(name: "x", values: values, targets: targets)
        XCTAssertEqual(binning.upperBounds, [1, 2])
    }
}
