import CreditMedicalTraining
import XCTest

final class WeightOfEvidenceTests: XCTestCase {
    func testWoEAndIVMatchTheHandComputation() {
        // Bin A: 40 goods, 10 bads; bin B: 60 goods, 30 bads; 100 goods and 40 bads in all.
        // WoE A = ln(0.40 / 0.25) = ln 1.6 = 0.470004; WoE B = ln(0.60 / 0.75) = ln 0.8 = −0.223144.
        // IV = (0.40 − 0.25) × 0.470004 + (0.60 − 0.75) × (−0.223144) = 0.070501 + 0.033472 = 0.103972.
        let bins = [BinCounts(goods: 40, bads: 10), BinCounts(goods: 60, bads: 30)]
        let total = bins.total
        XCTAssertEqual(bins[0].weightOfEvidence(in: total), log(1.6), accuracy: 1e-12)
        XCTAssertEqual(bins[1].weightOfEvidence(in: total), log(0.8), accuracy: 1e-12)
        XCTAssertEqual(bins.informationValue(in: total), 0.15 * log(1.6) + 0.15 * log(1.25), accuracy: 1e-12)
        XCTAssertEqual(bins.informationValue(in: total), 0.103972, accuracy: 1e-6)
    }

    func testAnEmptyCellIsSmoothedByAHalf() {
        // 10 goods and no bads among 110 goods and 40 bads: WoE = ln((10.5/110) / (0.5/40)) = ln 7.636364 = 2.032922.
        let bins = [BinCounts(goods: 10, bads: 0), BinCounts(goods: 100, bads: 40)]
        XCTAssertEqual(bins[0].weightOfEvidence(in: bins.total), 2.032922, accuracy: 1e-6)
        XCTAssertTrue(bins.informationValue(in: bins.total).isFinite)
        XCTAssertEqual(BinCounts().weightOfEvidence(in: bins.total), 0)
    }
}
