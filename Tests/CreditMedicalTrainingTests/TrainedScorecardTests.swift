import CreditMedicalCore
import CreditMedicalTraining
import XCTest

final class TrainedScorecardTests: XCTestCase {
    private static let table = Result { try SyntheticCreditData(rows: 20_000, seed: 11).table() }
    /// `utilization` follows `debt_ratio` with a correlation of about 0.83: a limit of 0.8 drops it.
    private static let options = TrainingOptions(id: "synthetic", version: "2", correlationLimit: 0.8, excluded: ["age"])
    private static let result = Result { try ScorecardTrainer(options: options).train(table.get(), target: SyntheticCreditData.target) }

    func testTheScorecardValidatesAndRecordsTraining() throws {
        let result = try Self.result.get()
        let card = result.scorecard
        XCTAssertNoThrow(try card.validate())
        XCTAssertEqual(card.id, "synthetic")
        XCTAssertEqual(card.excluded, ["age"])
        XCTAssertEqual(card.scaling, Scorecard.PointsScaling())
        XCTAssertFalse(card.features.contains { $0.name == "age" || $0.name == SyntheticCreditData.target })
        for feature in card.features {
            XCTAssertNotNil(feature.informationValue)
            XCTAssertTrue(feature.bins.allSatisfy { $0.woe != nil })
            XCTAssertNotNil(feature.missing.woe)
        }
        XCTAssertGreaterThan(result.trainAUC, 0.75)
        XCTAssertGreaterThan(result.trainKS, 0.3)
    }

    func testReportsAreSortedAndEveryDropHasAReason() throws {
        let result = try Self.result.get()
        let values = result.features.map(\.informationValue)
        XCTAssertEqual(values, values.sorted(by: >))
        XCTAssertTrue(result.dropped.contains(DroppedFeature(name: "age", reason: .excluded)))
        // The noise columns carry no signal.
        let weak = result.dropped.filter { if case .lowInformationValue = $0.reason { true } else { false } }.map(\.name)
        XCTAssertTrue(weak.contains("referral"))
        XCTAssertTrue(weak.contains("department"))
        // `utilization` follows `debt_ratio`, which tells more.
        XCTAssertTrue(result.dropped.contains { dropped in
            if case .correlated(with: "debt_ratio", _) = dropped.reason { dropped.name == "utilization" } else { false }
        })
        let used = Set(result.scorecard.features.map(\.name))
        XCTAssertTrue(used.isDisjoint(with: result.dropped.map(\.name)))
        XCTAssertEqual(used, Set(result.features.filter { $0.coefficient != nil }.map(\.name)))
    }

    func testRoundTripsThroughJSON() throws {
        let card = try Self.result.get().scorecard
        XCTAssertEqual(try Scorecard(json: card.json()), card)
    }

    func testBatchScoresEqualOneApplicantDecisions() throws {
        let card = try Self.result.get().scorecard
        let table = try Self.table.get()
        let scores = try card.scores(table.batch())
        for row in stride(from: 0, to: table.rowCount, by: 97) {
            XCTAssertEqual(try card.decide(table.applicant(row: row)).score, scores[row], "row \(row)")
        }
    }

    func testSaferBinsScoreMore() throws {
        let card = try Self.result.get().scorecard
        for feature in card.features {
            let bins = feature.bins + [feature.missing]
            for (first, second) in zip(bins, bins.dropFirst()) {
                guard let low = first.woe, let high = second.woe, abs(high - low) > 0.05 else { continue }
                XCTAssertEqual(high > low, second.points > first.points, feature.name)
            }
        }
        let delinquencies = try XCTUnwrap(card.features.first { $0.name == "delinquencies_12m" })
        XCTAssertGreaterThan(try XCTUnwrap(delinquencies.bins.first).points, try XCTUnwrap(delinquencies.bins.last).points)
    }
}
