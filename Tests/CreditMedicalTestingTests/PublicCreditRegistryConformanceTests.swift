import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// The fake registry passes the suite a vendor runs against its own adapter.
final class FakePublicCreditRegistryConformanceTests: PublicCreditRegistryConformance {
    override func makeRegistry() throws -> any PublicCreditRegistry { FakePublicCreditRegistry() }

    override func bookings(of id: AdapterRequestID, from registry: any PublicCreditRegistry) async throws -> Int {
        try XCTUnwrap(registry as? FakePublicCreditRegistry).bookings(of: id)
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}

/// The registry suite fails a registry that applies a push sent again: it books it twice, and a
/// late retry of a listing's push lists a lifted listing again.
final class ReplayingRegistryTests: PublicCreditRegistryConformance {
    override func makeRegistry() throws -> any PublicCreditRegistry { ReplayingRegistry() }

    override func bookings(of id: AdapterRequestID, from registry: any PublicCreditRegistry) async throws -> Int {
        try XCTUnwrap(registry as? ReplayingRegistry).bookings(of: id)
    }

    func testTheSuiteFailsARegistryThatAppliesAReplayedPushAgain() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["aPushSentAgainIsAppliedOnce", "aLiftingEndsTheListingForGood"], "\(report)")
        let messages = report.failures.flatMap(\.messages)
        XCTAssertTrue(messages.contains { $0.contains("does not list it again") }, "\(messages)")
    }
}

/// The registry suite fails a registry whose look-up still shows a lifted listing.
final class StickyRegistryTests: PublicCreditRegistryConformance {
    override func makeRegistry() throws -> any PublicCreditRegistry { StickyRegistry() }

    override func bookings(of id: AdapterRequestID, from registry: any PublicCreditRegistry) async throws -> Int {
        try XCTUnwrap(registry as? StickyRegistry).books.bookings(of: id)
    }

    func testTheSuiteFailsARegistryThatStillShowsALiftedListing() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["aLiftingEndsTheListingForGood", "institutionsAreKeptApart"], "\(report)")
    }
}
