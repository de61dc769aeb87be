import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class FakeCreditDataSourceConformanceTests: CreditDataSourceConformance {
    override func makeSource() throws -> any CreditDataSource {
        let source = FakeCreditDataSource(featureNames: ["housing_fund_months", "insurance_status"])
        source.set(["housing_fund_months": .number(36), "insurance_status": .category("normal")], for: knownPatient)
        return source
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}

/// The suite fails a source that reports a patient it has no record of as zeros and empty
/// categories, the mistake that turns "unknown" into "worst" (or "best") in a score.
final class ZeroFillingDataSourceTests: CreditDataSourceConformance {
    struct ZeroFillingSource: CreditDataSource {
        let featureNames = ["housing_fund_months", "insurance_status"]

        func features(of patient: String) async -> ApplicantFeatures {
            patient == "conformance-known" ? ["housing_fund_months": .number(36), "insurance_status": .category("normal")]
                : ["housing_fund_months": .number(0), "insurance_status": .category("")]
        }
    }

    override func makeSource() throws -> any CreditDataSource { ZeroFillingSource() }

    func testTheSuiteFailsASourceThatFillsInZeros() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["unknownPatientIsMissingNeverZero"], "\(report)")
    }
}
