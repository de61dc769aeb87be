import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// The outbox of registry pushes: a failed push stays and is sent again, a push whose answer was
/// lost is not applied twice, and a lifting never overtakes its listing.
final class RegistryOutboxTests: XCTestCase {
    let fixture = ArrearsFixture()

    override func setUp() async throws {
        try await fixture.openLine(owing: 30_000)
    }

    func testFailedPushesAreSentAgainAndNeverAppliedTwice() async throws {
        try await fixture.list.list(fixture.listing("E-1"))
        fixture.registry.inject(.unavailable)
        var report = try await fixture.list.pushPending()
        XCTAssertEqual(report.failed, ["hospital-a/E-1/list": "adapter.unavailable"])
        XCTAssertEqual(try fixture.store.pendingPushes(limit: 10).map(\.failedAttempts), [1])
        XCTAssertEqual(try fixture.store.pendingPushes(limit: 10).first?.lastFailure, "adapter.unavailable")
        XCTAssertEqual(fixture.registry.appliedCount, 0)

        fixture.registry.inject(.timeoutAfterApplying)
        report = try await fixture.list.pushPending()
        XCTAssertEqual(report.failed, ["hospital-a/E-1/list": "adapter.timeout"])
        XCTAssertEqual(fixture.registry.appliedCount, 1, "the registry took it; the answer was lost")
        XCTAssertEqual(try fixture.store.pendingPushes(limit: 10).map(\.failedAttempts), [2])

        fixture.registry.inject(.deliveredTwice)
        report = try await fixture.list.pushPending()
        XCTAssertEqual(report.delivered, ["hospital-a/E-1/list"])
        XCTAssertEqual(fixture.registry.appliedCount, 1, "sent three times, delivered twice by the network, applied once")
        XCTAssertEqual(fixture.registry.bookings(of: "hospital-a/E-1/list"), 1)
        let listings = try await fixture.registry.listings(of: "S-P-1")
        XCTAssertEqual(listings.count, 1)
        let nothing = try await fixture.list.pushPending()
        XCTAssertEqual(nothing, RegistryPushReport(), "nothing left to send")
    }

    func testALiftingWaitsBehindItsFailedListing() async throws {
        try await fixture.list.list(fixture.listing("E-1"))
        try await fixture.list.list(fixture.listing("E-2", patient: "P-2"))
        try fixture.list.appeal(ArrearsAppeal(id: "A-1", submittedBy: "P-1", statement: ""), against: "E-1")
        try fixture.list.startReview(of: "A-1", on: "E-1", reviewer: "staff-1")
        try await fixture.list.decide(ArrearsDecision(appeal: "A-1", reviewer: "staff-1", outcome: .revoked,
                                                      reason: .init(chinese: "撤销", english: "revoked")), on: "E-1")
        fixture.registry.inject(.unavailable)
        let report = try await fixture.list.pushPending()
        XCTAssertEqual(report.failed.keys.sorted(), ["hospital-a/E-1/list"])
        XCTAssertEqual(report.delivered, ["hospital-a/E-2/list"], "another listing goes on")
        XCTAssertEqual(report.deferred, ["hospital-a/E-1/lift"])
        XCTAssertEqual(fixture.registry.pushes.map(\.id), ["hospital-a/E-2/list"])

        let next = try await fixture.list.pushPending()
        XCTAssertEqual(next.delivered, ["hospital-a/E-1/list", "hospital-a/E-1/lift"])
        let (first, second) = (try await fixture.registry.listings(of: "S-P-1"), try await fixture.registry.listings(of: "S-P-2"))
        XCTAssertEqual(first, [])
        XCTAssertEqual(second.map(\.entry), ["E-2"])
    }

    func testAStandingPrefersThisDeploymentsRecordToWhatTheRegistryStillShows() async throws {
        try await fixture.list.list(fixture.listing("E-1"))
        try await fixture.list.pushPending()
        try fixture.list.appeal(ArrearsAppeal(id: "A-1", submittedBy: "P-1", statement: ""), against: "E-1")
        try fixture.list.startReview(of: "A-1", on: "E-1", reviewer: "staff-1")
        try await fixture.list.decide(ArrearsDecision(appeal: "A-1", reviewer: "staff-1", outcome: .revoked,
                                                      reason: .init(chinese: "撤销", english: "revoked")), on: "E-1")
        let shown = try await fixture.registry.listings(of: "S-P-1")
        XCTAssertEqual(shown.count, 1, "the lifting is not pushed yet")
        let lifted = try await fixture.list.standing(of: "P-1", subject: "S-P-1")
        XCTAssertFalse(lifted.isListed)

        fixture.registry.inject(.unavailable)
        let standing = try await fixture.list.standing(of: "P-9", subject: "S-P-9")
        XCTAssertEqual(standing.registryError?.code, .unavailable)
        XCTAssertFalse(standing.isListed)
    }
}
