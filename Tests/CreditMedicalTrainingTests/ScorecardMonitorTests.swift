import CreditMedicalCore
import CreditMedicalTraining
import XCTest

final class ScorecardMonitorTests: XCTestCase {
    func testTheSamePopulationIsStableAndAShiftedOneIsNot() throws {
        let baseline = try SyntheticCreditData(rows: 10_000, seed: 1).table()
        let card = try ScorecardTrainer().train(baseline, target: SyntheticCreditData.target).scorecard
        let monitor = ScorecardMonitor(scorecard: card)
        let same = try monitor.compare(baseline: baseline, current: SyntheticCreditData(rows: 10_000, seed: 2).table())
        XCTAssertEqual(same.score.verdict, .stable)
        XCTAssertEqual(same.features.map(\.name), card.features.map(\.name))
        XCTAssertTrue(same.features.allSatisfy { $0.stability.verdict == .stable })

        // Keep only the current rows with a delinquency and a debt ratio above 0.6: their scores fall.
        let current = try SyntheticCreditData(rows: 10_000, seed: 3).table()
        guard case .numbers(let delinquencies)? = current.column("delinquencies_12m"), case .numbers(let debts)? = current.column("debt_ratio")
        else { return XCTFail("numeric columns expected") }
        let shifted = current.rows(delinquencies.indices.filter { delinquencies[$0] >= 1 && debts[$0] > 0.6 })
        let report = try monitor.compare(baseline: baseline, current: shifted)
        XCTAssertEqual(report.score.verdict, .act)
        XCTAssertEqual(report.features.first { $0.name == "delinquencies_12m" }?.stability.verdict, .act)
    }

    func testAColumnOfTheOtherKindIsAMismatch() throws {
        let card = Scorecard(id: "c", version: "1", baseScore: 600, features: [
            Scorecard.Feature(name: "x", kind: .categorical, bins: [Scorecard.Bin(categories: ["a"], points: 1)], missing: Scorecard.Bin(points: 0)),
        ])
        let table = try CSVTable(csv: "x,bad\n1,0\n2,1\n")
        XCTAssertThrowsError(try ScorecardMonitor(scorecard: card).compare(baseline: table, current: table)) { error in
            XCTAssertEqual((error as? TrainingError)?.code, .tableMismatch)
        }
    }
}
