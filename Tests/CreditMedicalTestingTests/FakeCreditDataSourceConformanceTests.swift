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

/// The ledger's own usage source passes the suite a vendor's sources pass.
final class LedgerUsageSourceConformanceTests: CreditDataSourceConformance {
    override func makeSource() throws -> any CreditDataSource {
        let store = InMemoryLedgerStore()
        let clock = ManualClock(Timestamp(millisecondsSince1970: 1_767_225_600_000))
        // The known patient's line, opened by the state machine in one store transaction.
        let open = [LedgerRequest(key: "open", command: .openLine("L-known", limit: Money(fen: 100_000)))]
        _ = try store.transact(loading: LedgerStateKeys(for: open)) { state in LedgerStateMachine.apply(open, to: &state, at: clock.now()) }
        let known = knownPatient
        return LedgerUsageSource(reader: store, clock: clock) { $0 == known ? "L-known" : nil }
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
