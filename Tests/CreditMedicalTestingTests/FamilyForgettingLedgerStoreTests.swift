import CreditMedicalConformance
import CreditMedicalCore
import XCTest

/// The ledger store suite fails a store that does not load a member line's guarantor.
final class GuarantorForgettingLedgerStoreTests: LedgerStoreConformance {
    override func makeStore() throws -> any LedgerStore { FamilyForgettingLedgerStore(forgetting: .guarantorWhenLoading) }

    func testTheSuiteFailsAStoreThatDoesNotLoadTheGuarantor() async {
        let report = await evaluate()
        // The concurrent scenario fails too unless every member's command happened to share a
        // batch with one that names the guarantor.
        XCTAssertEqual(report.failedScenarios.first, "memberLines", "\(report)")
        XCTAssertTrue(Set(report.failedScenarios).isSubset(of: ["memberLines", "concurrentMemberHolds"]), "\(report)")
        XCTAssertTrue(report.failures.first?.messages.contains { $0.contains("was rejected") } == true, "\(report)")
    }
}

/// The ledger store suite fails a store that does not keep a line's guarantor and members' part.
final class MemberColumnsForgettingLedgerStoreTests: LedgerStoreConformance {
    override func makeStore() throws -> any LedgerStore { FamilyForgettingLedgerStore(forgetting: .memberColumns) }

    func testTheSuiteFailsAStoreThatDropsTheMemberColumns() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["memberLines", "concurrentMemberHolds"], "\(report)")
        XCTAssertTrue(report.failures.first?.messages.contains { $0.contains("keeps its guarantor") } == true, "\(report)")
    }
}
