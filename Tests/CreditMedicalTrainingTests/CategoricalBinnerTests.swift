@testable import CreditMedicalTraining
import XCTest

final class CategoricalBinnerTests: XCTestCase {
    func testRareCategoriesFormTheBinUnseenCategoriesScoreIn() {
        // 1,000 rows: "a" 500 (bad rate 10%), "b" 400 (30%), "c" 30, "d" 20, missing 50.
        var codes: [Int32] = [], targets: [UInt8] = []
        for row in 0..<1000 {
            switch row {
            case ..<500: codes.append(0); targets.append(row % 10 == 0 ? 1 : 0)
            case ..<900: codes.append(1); targets.append(row % 10 < 3 ? 1 : 0)
            case ..<930: codes.append(2); targets.append(row % 2 == 0 ? 1 : 0)
            case ..<950: codes.append(3); targets.append(0)
            default: codes.append(-1); targets.append(row % 4 == 0 ? 1 : 0)
            }
        }
        // A bin holds at least 5 % of the rows: 50.
        let options = BinningOptions(minimumBinShare: 0.05)
        let binning = CategoricalBinner(options: options).bin(name: "g", codes: codes, dictionary: ["a", "b", "c", "d", "unused"],
                                                               targets: targets)
        let rareBin = try? XCTUnwrap(binning.unseenBin)
        XCTAssertNotNil(rareBin)
        if let rareBin {
            XCTAssertTrue(Set(binning.categories[rareBin]).isSuperset(of: ["c", "d"]))
        }
        XCTAssertFalse(binning.categories.joined().contains("unused"))
        XCTAssertEqual(binning.missing.count, 50)
        for bin in binning.bins { XCTAssertGreaterThanOrEqual(bin.count, options.minimumBinShare * 1_000) }
        // Bins come in order of WoE.
        XCTAssertEqual(binning.weightsOfEvidence, binning.weightsOfEvidence.sorted())
    }

    func testWithoutRareCategoriesUnseenOnesScoreAsMissing() {
        let codes = (0..<400).map { Int32($0 % 2) }
        let targets = (0..<400).map { UInt8($0 % 5 == 0 ? 1 : 0) }
        let binning = CategoricalBinner(options: BinningOptions()).bin(name: "g", codes: codes, dictionary: ["x", "y"], targets: targets)
        XCTAssertNil(binning.unseenBin)
        XCTAssertEqual(binning.missingWeightOfEvidence, 0)
    }

    func testNeighboursMergeDownToTheMaximum() {
        let codes = (0..<2000).map { Int32($0 % 10) }
        let targets = (0..<2000).map { UInt8(($0 / 10) % 10 < $0 % 10 ? 1 : 0) }
        let binning = CategoricalBinner(options: BinningOptions(maximumBins: 3))
            .bin(name: "g", codes: codes, dictionary: (0..<10).map { "c\($0)" }, targets: targets)
        XCTAssertEqual(binning.bins.count, 3)
        XCTAssertEqual(binning.categories.joined().count, 10)
    }
}
