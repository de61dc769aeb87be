import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// A family group on an adult child's line: members by relation with caps, treated on member
/// lines, repaid for by an agent with authority, removed only when nothing is held or owed.
final class FamilyGroupTests: XCTestCase {
    private let store = InMemoryLedgerStore()
    private let authority = FakeAgentAuthority()
    private lazy var ledger = Ledger(store: store, clock: ManualClock(Timestamp(millisecondsSince1970: 1_795_996_800_000)))
    private lazy var family = FamilyGroup(guarantor: "adult", ledger: ledger, authority: authority)

    override func setUp() async throws {
        try await ledger.execute(.openLine("adult", limit: Money(fen: 500_000)), key: "open-adult")
    }

    /// Runs `body`, expects `code`, and checks that the ledger did not change.
    private func expect(_ code: FamilyError.Code, line: UInt = #line, _ body: () async throws -> Void) async throws {
        let before = try store.journal(line: nil, after: 0, limit: .max)
        do {
            try await body()
            XCTFail("accepted; expected \(code)", line: line)
        } catch let error as FamilyError {
            XCTAssertEqual(error.code, code, "\(error)", line: line)
        }
        XCTAssertEqual(try store.journal(line: nil, after: 0, limit: .max), before, "the refusal changed the ledger", line: line)
    }

    func testMembersAreListedByRelationWithTheirCaps() async throws {
        let elder = try await family.addMember("grandma", as: .parent, cap: Money(fen: 300_000))
        try await family.addMember("kid", as: .child, cap: Money(fen: 100_000))
        XCTAssertEqual(elder.line.id, "adult~parent~grandma")
        XCTAssertEqual(elder.line.guarantor, "adult")
        XCTAssertEqual(try family.members().map { "\($0.patient) \($0.relation) \($0.cap.fen)" },
                       ["kid child 100000", "grandma parent 300000"])
        let again = try await family.addMember("grandma", as: .parent, cap: Money(fen: 300_000))
        XCTAssertEqual(again, elder, "adding the same member again answers the member")
        try await family.changeCap(of: "kid", to: Money(fen: 200_000), key: "kid-cap-1")
        XCTAssertEqual(try family.member("kid")?.cap, Money(fen: 200_000))
    }

    func testBadInputIsRefusedWithATypedErrorAndChangesNothing() async throws {
        try await family.addMember("kid", as: .child, cap: Money(fen: 100_000))
        try await expect(.capAboveLine) { try await family.addMember("grandma", as: .parent, cap: Money(fen: 500_001)) }
        try await expect(.capAboveLine) { try await family.changeCap(of: "kid", to: Money(fen: 500_001), key: "cap") }
        try await expect(.alreadyAMember) { try await family.addMember("kid", as: .sibling, cap: Money(fen: 1)) }
        try await expect(.alreadyAMember) { try await family.addMember("kid", as: .child, cap: Money(fen: 1)) }
        try await expect(.invalidInput) { try await family.addMember("a~b", as: .child, cap: Money(fen: 1)) }
        try await expect(.invalidInput) { try await family.addMember(String(repeating: "x", count: 60), as: .child, cap: Money(fen: 1)) }
        try await expect(.notAMember) { try await family.changeCap(of: "stranger", to: Money(fen: 1), key: "cap") }
        try await expect(.agentWithoutAuthority) {
            try await family.repay(Money(fen: 1), for: "kid", by: "neighbour", as: .guardian, key: "pay")
        }
        let orphan = FamilyGroup(guarantor: "nobody", ledger: ledger, authority: authority)
        try await expect(.guarantorUnusable) { try await orphan.addMember("kid", as: .child, cap: Money(fen: 1)) }
    }

    func testAMemberIsTreatedOnTheGuarantorsLineAndAnAgentRepaysForThem() async throws {
        let elder = try await family.addMember("grandma", as: .parent, cap: Money(fen: 300_000))
        try await ledger.execute(.placeHold("ZY-1", line: elder.line.id, amount: Money(fen: 250_000), expiresAt: nil), key: "zy-1")
        XCTAssertEqual(try family.available(for: "grandma"), Money(fen: 50_000))
        XCTAssertEqual(try ledger.line("adult")?.available, Money(fen: 250_000), "the elder's hold counts against the line")
        try await ledger.execute(.captureHold("ZY-1", amount: Money(fen: 200_000)), key: "zy-1-settle")
        authority.register("adult-patient", for: "grandma", as: .child)
        try await expect(.agentWithoutAuthority) {
            try await family.repay(Money(fen: 1), for: "grandma", by: "adult-patient", as: .spouse, key: "pay")
        }
        let paid = try await family.repay(Money(fen: 150_000), for: "grandma", by: "adult-patient", as: .child, key: "pay-1")
        XCTAssertEqual(paid.entry.guarantor?.outstandingAfter, Money(fen: 50_000), "the guarantor owes less at once")
        XCTAssertEqual(try family.member("grandma")?.line.outstanding, Money(fen: 50_000))
    }

    func testAMemberWithMoneyHeldOrOwedCannotBeRemoved() async throws {
        let kid = try await family.addMember("kid", as: .child, cap: Money(fen: 100_000))
        try await ledger.execute(.placeHold("MZ-1", line: kid.line.id, amount: Money(fen: 8_000), expiresAt: nil), key: "mz-1")
        do {
            try await family.removeMember("kid")
            XCTFail("a member with an open hold was removed")
        } catch let error as FamilyError {
            XCTAssertEqual(error.code, .memberInUse)
            XCTAssertEqual(error.context, ["held": "8000", "outstanding": "0", "open_holds": "1"])
            XCTAssertTrue(error.debugDescription.contains("MZ-1"), error.debugDescription)
        }
        try await ledger.execute(.voidHold("MZ-1"), key: "mz-1-void")
        try await family.removeMember("kid")
        XCTAssertEqual(try family.member("kid")?.isRemoved, true)
        try await expect(.memberRemoved) { try await family.addMember("kid", as: .child, cap: Money(fen: 100_000)) }
        try await expect(.notAMember) { try await family.removeMember("kid") }
    }
}
