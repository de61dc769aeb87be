@testable import CreditMedicalHIS
import CreditMedicalCore
import CreditMedicalTesting
import CreditMedicalTestSupport
import XCTest

/// The desk's writer on its own: group commit, stale writes, claims and delivery marks.
final class EncounterWriterTests: XCTestCase {
    private let fixture = DeskFixture()

    private func visit(_ id: EncounterID, revision: Int, claim: EncounterClaim? = nil) -> Encounter {
        var encounter = Encounter(id: id, kind: .outpatient, patient: fixture.patient("L1"), department: "内科", paymentMode: .ordinary,
                                  openedAt: DeskFixture.start, revision: revision)
        encounter.claim = claim
        return encounter
    }

    private func notice(_ id: AdapterRequestID) -> PatientNotification {
        PatientNotification(id: id, patient: "P", kind: .settled, text: "notice \(id)")
    }

    func testAWriteRefusedAsOutOfDateLeavesTheOthersOfItsBatch() throws {
        let store = fixture.store
        try store.commit([.encounter(visit("MZ-1", revision: 2)), .encounter(visit("MZ-2", revision: 1))])
        let answers = try EncounterWriter.commit([
            [.encounter(visit("MZ-1", revision: 2)), .items("MZ-1", [fixture.item("A", 100)])],
            [.encounter(visit("MZ-2", revision: 2)), .items("MZ-2", [fixture.item("B", 200)])],
            [.notification(notice("N1"))],
        ], to: store)
        XCTAssertEqual(answers, [false, true, true])
        XCTAssertEqual(try store.encounter("MZ-1")?.revision, 2)
        XCTAssertEqual(try store.charges(of: "MZ-1").items, [])
        XCTAssertEqual(try store.encounter("MZ-2")?.revision, 2)
        XCTAssertEqual(try store.charges(of: "MZ-2").items.map(\.id), ["B"])
        XCTAssertEqual(try store.pendingNotifications(limit: 10).map(\.id), ["N1"])
    }

    /// Concurrent writes through the group committer: the one the store refuses fails with the
    /// encounters it named, the others are committed, together or not.
    func testConcurrentWritesWithOneOutOfDateCommitTheOthers() async throws {
        let store = fixture.store
        try store.commit([.encounter(visit("MZ-1", revision: 1)), .encounter(visit("MZ-2", revision: 1)),
                          .encounter(visit("MZ-3", revision: 1))])
        let writer = EncounterWriter(store: store, groupCommit: true, clock: fixture.clock)
        let writes: [[EncounterChange]] = try [
            [.encounter(visit("MZ-1", revision: 2)), .items("MZ-1", [fixture.item("A", 100)])],
            [.encounter(visit("MZ-2", revision: 1)), .items("MZ-2", [fixture.item("B", 200)])],
            [.encounter(visit("MZ-3", revision: 2)), .notification(notice("N3"))],
        ]
        async let first: Void = writer.write(writes[0])
        async let stale: Void = writer.write(writes[1])
        async let third: Void = writer.write(writes[2])
        try await first
        try await third
        do {
            try await stale
            XCTFail("the out-of-date write is refused")
        } catch let error as StaleEncounterError {
            XCTAssertEqual(error.encounters, ["MZ-2"])
        }
        XCTAssertEqual(try store.charges(of: "MZ-1").items.map(\.id), ["A"])
        XCTAssertEqual(try store.charges(of: "MZ-2").items, [], "nothing of the refused write")
        XCTAssertEqual(try store.encounter("MZ-2")?.revision, 1)
        XCTAssertEqual(try store.encounter("MZ-3")?.revision, 2)
        XCTAssertEqual(try store.pendingNotifications(limit: 10).map(\.id), ["N3"])
    }

    func testWritingAnEncounterEndsItsClaimUnlessTheWriteClaimsIt() async throws {
        let store = fixture.store
        let claim = EncounterClaim(desk: "desk-A", until: DeskFixture.start.adding(seconds: 30))
        for groupCommit in [true, false] {
            let id = EncounterID(groupCommit ? "MZ-G" : "MZ-N")
            let writer = EncounterWriter(store: store, groupCommit: groupCommit, clock: fixture.clock)
            try await writer.write([.encounter(visit(id, revision: 1, claim: claim))], claiming: true)
            XCTAssertEqual(try store.encounter(id)?.claim, claim, "group commit \(groupCommit)")
            try await writer.write([.encounter(visit(id, revision: 2, claim: claim))])
            XCTAssertNil(try store.encounter(id)?.claim, "group commit \(groupCommit)")
        }
    }

    func testDeliveryMarksRideAlongAndGoBackWhenTheWriteFails() async throws {
        let store = fixture.store
        try store.commit([.encounter(visit("MZ-1", revision: 1)), .notification(notice("N1")), .notification(notice("N2"))])
        let writer = EncounterWriter(store: store, groupCommit: true, clock: fixture.clock)
        writer.markDelivered("N1")
        XCTAssertEqual(writer.delivered, ["N1"])

        await assertThrows(StaleEncounterError.Code.stale) {
            try await writer.write([.encounter(visit("MZ-1", revision: 1))])
        }
        XCTAssertEqual(writer.delivered, ["N1"], "back in the queue for the next write")
        XCTAssertEqual(try store.pendingNotifications(limit: 10).map(\.id), ["N1", "N2"])

        try await writer.write([.encounter(visit("MZ-1", revision: 2))])
        XCTAssertEqual(writer.delivered, [])
        XCTAssertEqual(try store.pendingNotifications(limit: 10).map(\.id), ["N2"], "left the outbox with the write")
    }
}
