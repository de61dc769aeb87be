import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// Listing freezes the line and queues the registry push; appeals go through review to a
/// decision; a revocation lifts the freeze and the listing, and leaves a suspension alone.
final class ArrearsListTests: XCTestCase {
    let fixture = ArrearsFixture()

    func testListingFreezesTheLineQueuesThePushAndIsSafeToRepeat() async throws {
        try await fixture.openLine(owing: 30_000)
        let entry = try await fixture.list.list(fixture.listing("E-1"))
        XCTAssertEqual(entry.state, .listed)
        XCTAssertEqual(entry.listedAt, ArrearsFixture.start)
        XCTAssertEqual(entry.listing.reason, ArrearsFixture.reason)
        XCTAssertEqual(try fixture.status(), .frozen)
        XCTAssertEqual(try fixture.ledger.entry(for: "arrears/E-1/freeze")?.command, .freezeLine("L-1"))
        await assertThrows(LedgerError.Code.lineFrozen) {
            try await self.fixture.ledger.execute(.placeHold("H-2", line: "L-1", amount: Money(fen: 100), expiresAt: nil), key: "h2")
        }
        let emergency = try await fixture.ledger.execute(.lockUpTo("ER-1", line: "L-1", target: Money(fen: 5_000), rule: .emergency), key: "er")
        XCTAssertEqual(emergency.entry.holdAmountAfter, Money(fen: 5_000), "emergency care still locks on a listed line")

        let again = try await fixture.list.list(fixture.listing("E-1"))
        XCTAssertEqual(again, entry, "listing again is a retry")
        XCTAssertEqual(try fixture.store.pendingPushes(limit: 10).map(\.push.id), ["hospital-a/E-1/list"], "one push queued")
        let before = try fixture.snapshot()
        await assertThrows(ArrearsError.Code.requestConflict) { try await self.fixture.list.list(self.fixture.listing("E-1", amount: 1)) }
        let after = try fixture.snapshot()
        XCTAssertEqual(after.events, before.events)
        XCTAssertEqual(after.journal, before.journal, "a conflicting listing changes nothing")

        let report = try await fixture.list.pushPending()
        XCTAssertEqual(report.delivered, ["hospital-a/E-1/list"])
        let listings = try await fixture.registry.listings(of: "S-P-1")
        XCTAssertEqual(listings, [entry.registryListing])
        XCTAssertEqual(try fixture.store.pendingPushes(limit: 10), [])
    }

    func testAnAppealGoesThroughReviewToADecisionWithReviewerAndReason() async throws {
        try await fixture.openLine(owing: 30_000)
        try await fixture.list.list(fixture.listing("E-1"))
        let appeal = ArrearsAppeal(id: "A-1", submittedBy: "P-1", statement: "已于上月还清，银行未入账")
        fixture.clock.advance(seconds: 60)
        var entry = try fixture.list.appeal(appeal, against: "E-1")
        XCTAssertEqual(entry.state, .appealed)
        XCTAssertEqual(try fixture.list.appeal(appeal, against: "E-1"), entry, "submitting again is a retry")
        entry = try fixture.list.startReview(of: "A-1", on: "E-1", reviewer: "staff-7")
        XCTAssertEqual(entry.state, .underReview)
        XCTAssertEqual(entry.appeals.first?.reviewer, "staff-7")
        let upheld = BilingualText(chinese: "银行流水未见还款", english: "no repayment in the bank's records")
        entry = try await fixture.list.decide(ArrearsDecision(appeal: "A-1", reviewer: "staff-7", outcome: .upheld, reason: upheld), on: "E-1")
        XCTAssertEqual(entry.state, .upheld)
        XCTAssertEqual(entry.appeals.first?.state, .upheld)
        XCTAssertEqual(entry.appeals.first?.decision?.reason, upheld)
        XCTAssertEqual(try fixture.status(), .frozen, "an upheld entry stands")

        let second = ArrearsAppeal(id: "A-2", submittedBy: "agent-3", statement: "补充还款凭证")
        try fixture.list.appeal(second, against: "E-1")
        try fixture.list.startReview(of: "A-2", on: "E-1", reviewer: "staff-9")
        let revoked = BilingualText(chinese: "凭证属实，撤销", english: "the receipt is genuine: revoked")
        entry = try await fixture.list.decide(ArrearsDecision(appeal: "A-2", reviewer: "staff-9", outcome: .revoked, reason: revoked), on: "E-1")
        XCTAssertEqual(entry.state, .revoked)
        XCTAssertEqual(entry.history.map(\.change.name), ["listed", "appealed/A-1", "review/A-1", "decided/A-1", "appealed/A-2", "review/A-2",
                                                          "decided/A-2"])
        XCTAssertEqual(entry.appeals.map(\.state), [.upheld, .revoked])
        XCTAssertEqual(try fixture.status(), [], "a revocation lifts the freeze")
        XCTAssertEqual(try fixture.store.pendingPushes(limit: 10).map(\.push.id), ["hospital-a/E-1/list", "hospital-a/E-1/lift"])
        guard case .lifting(let lifting) = try fixture.store.pendingPushes(limit: 10).last?.push.change else { return XCTFail() }
        XCTAssertEqual(lifting.cause, .revoked)

        let replay = try await fixture.list.decide(ArrearsDecision(appeal: "A-2", reviewer: "staff-9", outcome: .revoked, reason: revoked), on: "E-1")
        XCTAssertEqual(replay, entry, "deciding again is a retry")
        let before = try fixture.snapshot()
        await assertThrows(ArrearsError.Code.requestConflict) {
            try await self.fixture.list.decide(ArrearsDecision(appeal: "A-2", reviewer: "staff-9", outcome: .upheld, reason: revoked), on: "E-1")
        }
        await assertThrows(ArrearsError.Code.invalidTransition) {
            try self.fixture.list.appeal(ArrearsAppeal(id: "A-3", submittedBy: "P-1", statement: ""), against: "E-1")
        }
        await assertThrows(ArrearsError.Code.invalidTransition) { try await self.fixture.list.remove("E-1") }
        let after = try fixture.snapshot()
        XCTAssertEqual(after.events, before.events, "refused steps change nothing")
        XCTAssertEqual(after.pushes, before.pushes)
    }

    func testARevocationLeavesASuspensionAndAnotherEntrysFreezeAlone() async throws {
        try await fixture.openLine(owing: 30_000)
        try await fixture.ledger.execute(.suspendLine("L-1"), key: "collection/suspend")
        try await fixture.list.list(fixture.listing("E-1"))
        try await fixture.list.list(fixture.listing("E-2", amount: 10_000))
        XCTAssertEqual(try fixture.status(), [.suspended, .frozen])
        try await revoke("E-1")
        XCTAssertEqual(try fixture.status(), [.suspended, .frozen], "E-2 still stands")
        try await revoke("E-2")
        XCTAssertEqual(try fixture.status(), .suspended, "suspended business stays suspended")
    }

    func testStepsOutOfOrderOrOnMissingThingsAreTypedErrorsAndChangeNothing() async throws {
        try await fixture.openLine(owing: 30_000)
        try await fixture.list.list(fixture.listing("E-1"))
        let before = try fixture.snapshot()
        let appeal = ArrearsAppeal(id: "A-1", submittedBy: "P-1", statement: "")
        let missing = await assertThrows(ArrearsError.Code.entryNotFound) { try self.fixture.list.appeal(appeal, against: "E-404") }
        XCTAssertEqual((missing as? ArrearsError)?.description, "blacklist.entry_not_found: The arrears entry does not exist.")
        await assertThrows(ArrearsError.Code.appealNotFound) { try self.fixture.list.startReview(of: "A-1", on: "E-1", reviewer: "staff-7") }
        let decision = ArrearsDecision(appeal: "A-1", reviewer: "staff-7", outcome: .revoked, reason: .init(chinese: "撤销", english: "revoked"))
        await assertThrows(ArrearsError.Code.appealNotFound) { try await self.fixture.list.decide(decision, on: "E-1") }
        await assertThrows(ArrearsError.Code.entryNotFound) { try await self.fixture.list.remove("E-404") }
        XCTAssertEqual(try fixture.snapshot().events, before.events)
        XCTAssertEqual(try fixture.snapshot().pushes, before.pushes)

        try fixture.list.appeal(appeal, against: "E-1")
        let early = await assertThrows(ArrearsError.Code.invalidTransition) { try await self.fixture.list.decide(decision, on: "E-1") }
        XCTAssertEqual((early as? ArrearsError)?.context, ["state": "appealed", "step": "decide"])
        await assertThrows(ArrearsError.Code.invalidTransition) {
            try self.fixture.list.appeal(ArrearsAppeal(id: "A-2", submittedBy: "P-1", statement: ""), against: "E-1")
        }
        XCTAssertEqual(try fixture.list.entry("E-1")?.state, .appealed)
        XCTAssertEqual(try fixture.status(), .frozen)
    }

    func testBadInputIsRefusedNamingTheFieldAndRuleAndChangesNothing() async throws {
        try await fixture.openLine(owing: 30_000)
        let before = try fixture.snapshot()
        func refused(_ listing: ArrearsListing, _ code: ArrearsError.Code, _ context: [String: String]? = nil) async {
            let error = await assertThrows(code) { try await self.fixture.list.list(listing) }
            if let context { XCTAssertEqual((error as? ArrearsError)?.context, context) }
        }
        var listing = fixture.listing("E-1")
        listing.patient = "P\u{0}1"
        await refused(listing, .invalidInput, ["field": "patient", "rule": "control_character", "limit": "128 bytes"])
        await refused(fixture.listing("E\u{202E}1"), .invalidInput, ["field": "entry", "rule": "bidi_control", "limit": "56 bytes"])
        listing = fixture.listing("E-1")
        listing.reason = BilingualText(chinese: "逾期\u{0}", english: "overdue")
        await refused(listing, .invalidInput, ["field": "reason", "rule": "control_character", "limit": "4096 bytes"])
        listing.reason = BilingualText(chinese: "", english: "")
        await refused(listing, .invalidInput, ["field": "reason", "rule": "empty", "limit": "4096 bytes"])
        await refused(fixture.listing("E-1", amount: 0), .invalidAmount)
        await refused(fixture.listing("E-1", line: "L-404"), .lineNotFound, ["line": "L-404"])
        await assertThrows(ArrearsError.Code.invalidInput) {
            try self.fixture.list.appeal(ArrearsAppeal(id: "A\u{200B}1", submittedBy: "P-1", statement: ""), against: "E-1")
        }
        await assertThrows(ArrearsError.Code.invalidInput) { try await self.fixture.list.standing(of: "P\u{0}", subject: nil) }
        let after = try fixture.snapshot()
        XCTAssertEqual(after.events, before.events)
        XCTAssertEqual(after.pushes, before.pushes)
        XCTAssertEqual(after.journal, before.journal)
        XCTAssertEqual(try fixture.status(), [])
    }

    private func revoke(_ entry: ArrearsEntryID) async throws {
        let reason = BilingualText(chinese: "撤销", english: "revoked")
        let appeal = ArrearsAppealID("A-\(entry)")
        try fixture.list.appeal(ArrearsAppeal(id: appeal, submittedBy: "P-1", statement: ""), against: entry)
        try fixture.list.startReview(of: appeal, on: entry, reviewer: "staff-1")
        try await fixture.list.decide(ArrearsDecision(appeal: appeal, reviewer: "staff-1", outcome: .revoked, reason: reason), on: entry)
    }
}
