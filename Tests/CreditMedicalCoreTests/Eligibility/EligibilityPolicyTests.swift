import CreditMedicalCore
import Foundation
import XCTest

final class EligibilityPolicyTests: XCTestCase {
    typealias Feature = EligibilityPolicy.Feature

    let insuredHere: ApplicantFeatures = [Feature.insuranceRegion: .category("local"), Feature.insuranceStatus: .category("normal"),
                                          Feature.dishonestyRecord: .category("none")]

    func testBeijingStyleNeedsALocalInsuredWithoutAnyRecord() {
        XCTAssertTrue(EligibilityPolicy.beijingStyle.check(insuredHere).isEligible)
        var unknown = insuredHere
        unknown[Feature.dishonestyRecord] = .missing(.sourceDown)
        XCTAssertEqual(EligibilityPolicy.beijingStyle.check(unknown).failed.map(\.rule), ["no_dishonesty_record"],
                       "the courts could not be asked: the program needs the fact")
        var listed = insuredHere
        listed[Feature.dishonestyRecord] = .category("listed")
        XCTAssertFalse(EligibilityPolicy.beijingStyle.check(listed).isEligible)
    }

    func testSuzhouStyleRefusesOnlyASeriousRecordAndHasNoAgeLimit() {
        var applicant: ApplicantFeatures = [Feature.insuranceStatus: .category("normal"), "age": .number(97)]
        XCTAssertTrue(EligibilityPolicy.suzhouStyle.check(applicant).isEligible, "no record known, no age limit, no region rule")
        applicant[Feature.dishonestyRecord] = .category("listed")
        XCTAssertTrue(EligibilityPolicy.suzhouStyle.check(applicant).isEligible)
        applicant[Feature.dishonestyRecord] = .category("serious")
        XCTAssertEqual(EligibilityPolicy.suzhouStyle.check(applicant).failed.map(\.rule), ["no_serious_dishonesty"])
    }

    func testARefusalNamesEveryFailedRuleInBothLanguages() {
        let decision = EligibilityPolicy.xiamenStyle.check([Feature.insuranceRegion: .category("other"),
                                                            Feature.insuranceStatus: .category("arrears")])
        XCTAssertEqual(decision.failed.map(\.rule), ["insured_locally", "insurance_in_force"])
        XCTAssertEqual(decision.failed.map(\.sentence.chinese), ["须为本市医保参保人", "医保参保状态须为正常"])
        XCTAssertEqual(decision.failed.map(\.sentence.english), ["medical insurance must be held in this city", "medical insurance must be in force"])
        XCTAssertEqual(decision.policyID, "preset-xiamen")
    }

    func testNumericOperatorsAndMissingValues() {
        let sentence = BilingualText(chinese: "句", english: "sentence")
        let atLeast = EligibilityRule(id: "a", feature: "years", operator: .atLeast, minimum: 1, sentence: sentence)
        let between = EligibilityRule(id: "b", feature: "years", operator: .between, minimum: 1, maximum: 5, sentence: sentence)
        let atMost = EligibilityRule(id: "c", feature: "years", operator: .atMost, maximum: 5, sentence: sentence)
        let present = EligibilityRule(id: "d", feature: "years", operator: .present, sentence: sentence)
        let lenient = EligibilityRule(id: "e", feature: "years", operator: .atLeast, minimum: 1, whenMissing: .pass, sentence: sentence)
        let values: [FeatureValue] = [.number(0.5), .number(1), .number(5), .number(7), .missing(.noRecord), .number(.nan), .category("5")]
        XCTAssertEqual(values.map(atLeast.passes), [false, true, true, true, false, false, false])
        XCTAssertEqual(values.map(between.passes), [false, true, true, false, false, false, false])
        XCTAssertEqual(values.map(atMost.passes), [true, true, true, false, false, false, false])
        XCTAssertEqual(values.map(present.passes), [true, true, true, true, false, false, true])
        XCTAssertEqual(values.map(lenient.passes), [false, true, true, true, true, true, false], "a NaN is missing")
    }

    func testAPolicyRoundTripsThroughItsJSON() throws {
        for preset in [EligibilityPolicy.beijingStyle, .suzhouStyle, .xiamenStyle] {
            XCTAssertEqual(try EligibilityPolicy(json: preset.json()), preset)
        }
    }

    /// Each broken file: the path and a word of the problem its error names; nothing is loaded.
    func testABrokenFileNamesThePathAndTheProblem() throws {
        let cases: [(String, (inout [String: Any]) -> Void, String, String)] = [
            ("an unknown field", { Self.rule(&$0, 0) { $0["feild"] = "x" } }, "rules[0].feild", "unknown key"),
            ("an unknown operator", { Self.rule(&$0, 1) { $0["operator"] = "like" } }, "rules[1].operator", "like"),
            ("values on atLeast", { Self.rule(&$0, 0) { $0["operator"] = "atLeast"; $0["minimum"] = 1 } }, "rules[0].values", "takes none"),
            ("between without a maximum", { Self.rule(&$0, 0) { $0["operator"] = "between"; $0["values"] = nil; $0["minimum"] = 1 } },
             "rules[0].maximum", "needs it"),
            ("between upside down", { Self.rule(&$0, 0) { $0["operator"] = "between"; $0["values"] = nil; $0["minimum"] = 9; $0["maximum"] = 1 } },
             "rules[0].minimum", "above the maximum"),
            ("no English", { Self.rule(&$0, 0) { $0["sentence"] = ["chinese": "句", "english": ""] } }, "rules[0].sentence", "English"),
            ("a rule id twice", { Self.rule(&$0, 1) { $0["id"] = "insured_locally" } }, "rules[1].id", "twice"),
            ("no values", { Self.rule(&$0, 0) { $0["values"] = [String]() } }, "rules[0].values", "at least one"),
            ("another format", { $0["format"] = "creditmedical.tiers" }, "format", "must be"),
            ("a missing id", { $0["id"] = nil }, "id", "missing"),
        ]
        for (name, breakIt, path, problem) in cases {
            var object = try XCTUnwrap(JSONSerialization.jsonObject(with: EligibilityPolicy.xiamenStyle.json()) as? [String: Any])
            breakIt(&object)
            XCTAssertThrowsError(try EligibilityPolicy(json: JSONSerialization.data(withJSONObject: object)), name) { error in
                let policy = error as? PolicyError
                XCTAssertEqual(policy?.code, .invalidPolicy, "\(name): \(error)")
                XCTAssertEqual(policy?.context["path"], path, "\(name): \(error)")
                XCTAssertTrue(policy?.context["problem"]?.contains(problem) == true, "\(name): \(error)")
                XCTAssertEqual(policy?.context["policy"], "creditmedical.eligibility")
            }
        }
        var newer = try XCTUnwrap(JSONSerialization.jsonObject(with: EligibilityPolicy.xiamenStyle.json()) as? [String: Any])
        newer["formatVersion"] = 2
        XCTAssertThrowsError(try EligibilityPolicy(json: JSONSerialization.data(withJSONObject: newer))) { error in
            XCTAssertEqual((error as? PolicyError)?.code, .unsupportedFormat, "\(error)")
        }
        XCTAssertThrowsError(try EligibilityPolicy(json: Data("[".utf8))) { error in
            XCTAssertEqual((error as? PolicyError)?.context["path"], "(file)", "\(error)")
        }
    }

    private static func rule(_ object: inout [String: Any], _ index: Int, _ change: (inout [String: Any]) -> Void) {
        var rules = object["rules"] as? [[String: Any]] ?? []
        change(&rules[index])
        object["rules"] = rules
    }
}
