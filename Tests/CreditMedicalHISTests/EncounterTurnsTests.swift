@testable import CreditMedicalHIS
import CreditMedicalCore
import CreditMedicalTesting
import Synchronization
import CreditMedicalTestSupport
import XCTest

/// Taking turns on an encounter, on its own: within a desk and across desks through claims.
final class EncounterTurnsTests: XCTestCase {
    private let fixture = DeskFixture()

    private func turns(_ deskID: String) -> EncounterTurns {
        let writer = EncounterWriter(store: fixture.store, groupCommit: false, clock: fixture.clock)
        return EncounterTurns(deskID: deskID, store: fixture.store, writer: writer, kept: EncounterCache(maximumRecords: 100),
                              clock: fixture.clock, contendedCallSeconds: 5, claimSeconds: 30)
    }

    private func store(_ id: EncounterID, revision: Int, claim: EncounterClaim? = nil) throws {
        var encounter = Encounter(id: id, kind: .outpatient, patient: fixture.patient("L1"), department: "内科", paymentMode: .ordinary,
                                  openedAt: DeskFixture.start, revision: revision)
        encounter.claim = claim
        try fixture.store.commit([.encounter(encounter)])
    }

    func testAnotherDesksClaimHoldsTheEncounterUntilItLapses() async throws {
        let mine = turns("desk-A")
        let claim = EncounterClaim(desk: "desk-B", until: DeskFixture.start.adding(seconds: 30))
        try store("MZ-1", revision: 1, claim: claim)
        XCTAssertEqual(try mine.claimOfAnotherDesk(on: XCTUnwrap(fixture.store.encounter("MZ-1"))), claim)
        await assertThrows(StaleEncounterError.Code.stale) { try mine.encounterToChange("MZ-1") }

        fixture.clock.advance(seconds: 30)
        XCTAssertEqual(try mine.encounterToChange("MZ-1")?.id, "MZ-1", "a lapsed claim holds nothing")
        XCTAssertEqual(try turns("desk-B").encounterToChange("MZ-1")?.id, "MZ-1", "nor does the desk's own")
    }

    /// A call that another desk interrupted runs again in its turn: with this desk's claim on the
    /// encounter, which ends when the call is done.
    func testAnInterruptedCallRunsAgainHoldingTheClaim() async throws {
        let mine = turns("desk-A")
        try store("MZ-1", revision: 1)
        let claims = Mutex<[EncounterClaim?]>([])
        let result = try await mine.perform("MZ-1") {
            let claim = try fixture.store.encounter("MZ-1")?.claim
            let attempt = claims.withLock { claims in
                claims.append(claim)
                return claims.count
            }
            if attempt == 1 { throw StaleEncounterError(encounters: ["MZ-1"]) }
            return attempt
        }
        XCTAssertEqual(result, 2)
        XCTAssertEqual(claims.withLock { $0.map { $0?.desk } }, [nil, "desk-A"])
        XCTAssertNil(try fixture.store.encounter("MZ-1")?.claim, "ended after the call")
        XCTAssertEqual(try fixture.store.encounter("MZ-1")?.revision, 3, "the claim and its end are writes of the encounter")
    }

    /// How many calls run at once, and the most that ever did.
    private actor Overlap {
        private(set) var most = 0
        private var running = 0
        func enter() { running += 1; most = max(most, running) }
        func leave() { running -= 1 }
    }

    func testCallsForOneEncounterRunOneAtATime() async throws {
        let mine = turns("desk-A")
        let overlap = Overlap()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await mine.perform("MZ-1") {
                        await overlap.enter()
                        try await Task.sleep(for: .milliseconds(2))
                        await overlap.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        let most = await overlap.most
        XCTAssertEqual(most, 1)
    }

    func testAMalformedEncounterNumberIsRefusedBeforeTheCall() async {
        let mine = turns("desk-A")
        await assertThrows(BillingError.Code.invalidIdentifier) {
            try await mine.perform(EncounterID("bad\u{0}id")) { XCTFail("the call does not run") }
        }
    }
}
