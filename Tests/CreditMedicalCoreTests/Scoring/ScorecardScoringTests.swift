import CreditMedicalCore
import XCTest

final class ScorecardScoringTests: XCTestCase {
    let card = ScorecardSample.card

    func testTheScoreIsTheBasePlusEachFeaturesBinPoints() throws {
        let decision = try card.decide(["housing_fund_months": .number(40), "insurance_status": .category("normal"),
                                        "dishonesty_record": .category("none")])
        XCTAssertEqual(decision.score, 500 + 20 + 15 + 10)
        XCTAssertEqual(decision.reasons, [], "every feature in its best bin")
        XCTAssertEqual(decision.scorer, ScorerIdentity(id: "sample", version: "1"))
    }

    func testNumericBinsAreHalfOpenFromBelow() throws {
        func points(_ months: Double) throws -> Int {
            try card.decide(["housing_fund_months": .number(months), "insurance_status": .category("normal"),
                             "dishonesty_record": .category("none")]).score - 525
        }
        XCTAssertEqual(try [-1e9, 11.999, 12, 35.5, 36, 1e12].map(points), [-30, -30, 5, 5, 20, 20])
    }

    func testMissingValuesScoreTheMissingBinNeverZero() throws {
        let gathered = try card.decide(["housing_fund_months": .missing(.sourceDown), "insurance_status": .missing(.noRecord),
                                        "dishonesty_record": .category("none")])
        XCTAssertEqual(gathered.score, 500 - 10 - 20 + 10)
        let nan = try card.decide(["housing_fund_months": .number(.nan), "insurance_status": .category("normal")])
        XCTAssertEqual(nan.score, 500 - 10 + 15 + 0, "NaN and a feature nobody reported score as missing")
        XCTAssertEqual(gathered.inputs["housing_fund_months"], .missing(.sourceDown), "the decision keeps what it saw")
    }

    func testUnseenCategoriesGoToTheNamedBinOrScoreAsMissing() throws {
        let decision = try card.decide(["housing_fund_months": .number(40), "insurance_status": .category("新类别"),
                                        "dishonesty_record": .category("unknown")])
        XCTAssertEqual(decision.score, 500 + 20 - 5 + 0)
    }

    func testReasonsNameTheCostliestFeaturesFirstInBothLanguages() throws {
        let decision = try card.decide(["housing_fund_months": .number(3), "insurance_status": .category("arrears"),
                                        "dishonesty_record": .category("none")])
        XCTAssertEqual(decision.reasons.map(\.code), ["insurance_status.bin1", "housing_fund.short"])
        XCTAssertEqual(decision.reasons.map(\.pointsBelowBest), [55, 50])
        XCTAssertEqual(decision.reasons[1].chinese, "住房公积金缴存不足12个月")
        XCTAssertEqual(decision.reasons[1].english, "housing fund paid for less than 12 months")
        XCTAssertEqual(decision.reasons[0].chinese, "insurance_status：suspended、arrears")
        XCTAssertEqual(decision.reasons[0].english, "insurance_status: suspended, arrears")
        var short = card
        short.maxReasons = 1
        XCTAssertEqual(try short.decide(decision.inputs).reasons.map(\.code), ["insurance_status.bin1"])
    }

    func testWordedReasonsDescribeNumericAndMissingBins() throws {
        var card = card
        card.features[0].bins[0].reason = nil
        let low = try card.decide(["housing_fund_months": .number(3)])
        XCTAssertTrue(low.reasons.contains { $0.chinese == "住房公积金缴存月数：低于12" && $0.english == "housing fund months: below 12" },
                      "\(low.reasons)")
        let none = try card.decide([:])
        XCTAssertTrue(none.reasons.contains { $0.code == "housing_fund_months.missing" && $0.english == "housing fund months: not on record" },
                      "\(none.reasons)")
    }

    func testAFeatureOfTheWrongKindIsAWiringError() {
        XCTAssertThrowsError(try card.decide(["housing_fund_months": .category("12")])) { error in
            XCTAssertTrue(ScoringError.Code.batchMismatch ~= error, "\(error)")
            XCTAssertEqual((error as? ScoringError)?.context["feature"], "housing_fund_months")
        }
    }

    func testABatchScoresAsOneApplicantAtATime() throws {
        let months: [Double] = [0, 12, 36, .nan, 11.5, 100, -3, 35.99]
        let statuses = ["normal", "arrears", "brand-new", nil, "suspended", "normal", "other", nil]
        let dictionary = ["normal", "arrears", "brand-new", "suspended", "other"]
        var batch = ScoringBatch(count: months.count)
        try batch.set("housing_fund_months", .numbers(months))
        try batch.set("insurance_status", .categories(codes: statuses.map { $0.flatMap { dictionary.firstIndex(of: $0) }.map(Int32.init) ?? -1 },
                                                      dictionary: dictionary))
        let scores = try card.scores(batch)
        for row in months.indices {
            var applicant: ApplicantFeatures = ["housing_fund_months": .number(months[row])]
            if let status = statuses[row] { applicant["insurance_status"] = .category(status) }
            XCTAssertEqual(scores[row], try card.decide(applicant).score, "row \(row)")
        }
    }

    func testABatchRefusesColumnsThatDoNotFit() throws {
        var batch = ScoringBatch(count: 2)
        XCTAssertThrowsError(try batch.set("housing_fund_months", .numbers([1]))) { XCTAssertTrue(ScoringError.Code.batchMismatch ~= $0) }
        try batch.set("housing_fund_months", .categories(codes: [0, 0], dictionary: ["x"]))
        XCTAssertThrowsError(try card.scores(batch)) { XCTAssertTrue(ScoringError.Code.batchMismatch ~= $0) }
        var codes = ScoringBatch(count: 1)
        try codes.set("insurance_status", .categories(codes: [3], dictionary: ["normal"]))
        XCTAssertThrowsError(try card.scores(codes)) { XCTAssertTrue(ScoringError.Code.batchMismatch ~= $0, "a code past the dictionary") }
    }
}
