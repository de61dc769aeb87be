import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import CreditMedicalTestSupport
import XCTest

/// A desk whose call another desk interrupted takes its turn by claiming the encounter; other
/// desks wait for the claim, a failed call ends it, and a dead desk's claim lapses.
final class EncounterClaimTests: XCTestCase {
    func testADeadDesksClaimMakesOthersWaitUntilItLapses() async throws {
        let fixture = DeskFixture()
        try await fixture.enroll("L1", limit: 100_000)
        let desk = CreditDesk(ledger: fixture.ledger, store: fixture.store, medicalInsurance: fixture.parties.medicalInsurance,
                              commercialInsurance: nil, bank: fixture.parties.bank, notifications: fixture.parties.notifications,
                              configuration: .init(contendedCallSeconds: 1, claimSeconds: 60))
        try await desk.open("MZ-1", kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        // Another desk claimed the encounter and died.
        var claimed = try XCTUnwrap(fixture.store.encounter("MZ-1"))
        let revision = claimed.revision
        claimed = Encounter(id: claimed.id, kind: claimed.kind, patient: claimed.patient, department: claimed.department,
                            paymentMode: claimed.paymentMode, openedAt: claimed.openedAt, revision: revision + 1,
                            claim: EncounterClaim(desk: "a desk that died", until: fixture.clock.now().adding(seconds: 60)))
        try fixture.store.commit([.encounter(claimed)])

        let started = ContinuousClock.now
        await assertThrows(StaleEncounterError.Code.stale) { try await desk.charge([fixture.item("A", 1_000)], to: "MZ-1") }
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - started, .seconds(1), "it waited for its turn")
        XCTAssertEqual(try fixture.store.bill(of: "MZ-1").total, .zero, "nothing charged while the claim stood")
        XCTAssertEqual(try fixture.ledger.line("L1")?.held, .zero)

        fixture.clock.advance(seconds: 61)
        let outcome = try await desk.charge([fixture.item("A", 1_000)], to: "MZ-1")
        XCTAssertEqual(outcome.lockedChange.fen, 1_000, "the lapsed claim no longer stands in the way")
        XCTAssertNil(try fixture.store.encounter("MZ-1")?.claim)
    }

    func testACallThatFailsInItsTurnEndsItsClaim() async throws {
        let fixture = DeskFixture()
        try await fixture.enroll("L1", limit: 100_000)
        let first = fixture.desk()
        let second = fixture.desk()
        try await first.open("MZ-1", kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        try await first.charge([fixture.item("A", 1_000)], to: "MZ-1")
        // The second desk charges item B; the first, whose kept copy does not have it, charges
        // another item B: its turn finds the bill has B already, with other details.
        try await second.charge([fixture.item("B", 2_000)], to: "MZ-1")
        await assertThrows(BillingError.Code.duplicateItem) { try await first.charge([fixture.item("B", 3_000)], to: "MZ-1") }
        XCTAssertNil(try fixture.store.encounter("MZ-1")?.claim, "the failed call ended its claim")
        let outcome = try await second.charge([fixture.item("C", 4_000)], to: "MZ-1")
        XCTAssertEqual(outcome.encounter.locked.fen, 7_000)
        XCTAssertEqual(try fixture.ledger.hold("MZ-1")?.amount.fen, 7_000)
    }
}
