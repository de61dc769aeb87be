import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

final class EnrollmentCancellationTests: XCTestCase {
    func testCancellationWaitsUntilNothingIsHeldOrOwedAndListsWhatRemains() async throws {
        let fixture = EnrollmentFixture()
        let request = try fixture.applicant("P-1")
        let enrollment = try fixture.enrollment
        guard case .open(let grant) = try await enrollment.enroll(request) else { return XCTFail("opens") }
        try await fixture.ledger.execute(.placeHold("MZ-1", line: request.line, amount: Money(fen: 12_000), expiresAt: nil), key: "h1")
        try await fixture.ledger.execute(.placeHold("MZ-2", line: request.line, amount: Money(fen: 8_000), expiresAt: nil), key: "h2")
        try await fixture.ledger.execute(.captureHold("MZ-2", amount: Money(fen: 5_000)), key: "c2")
        do {
            let status = try await enrollment.cancel(request.id, channel: .app, signer: .patient, eventID: "cancel-1")
            XCTFail("\(status)")
        } catch let error as EnrollmentError {
            XCTAssertEqual(error.code, .balanceRemains)
            XCTAssertEqual(error.context, ["held": "12000", "outstanding": "5000", "open_holds": "1"])
            XCTAssertEqual(error.details, "MZ-1")
        }
        XCTAssertEqual(try fixture.ledger.line(request.line)?.status, [], "the line stays open")
        XCTAssertEqual(try fixture.consents.standing(of: "P-1", in: "agreement"), .signed(version: 1))
        XCTAssertEqual(try enrollment.status(of: request.id), .open(grant))

        try await fixture.ledger.execute(.voidHold("MZ-1"), key: "v1")
        try await fixture.ledger.execute(.repay(request.line, amount: Money(fen: 5_000)), key: "r1")
        let cancelled = try await enrollment.cancel(request.id, channel: .app, signer: .patient, eventID: "cancel-1")
        XCTAssertEqual(cancelled, .cancelled(grant))
        XCTAssertEqual(try fixture.ledger.line(request.line)?.status, .closed)
        XCTAssertEqual(try fixture.consents.standing(of: "P-1", in: "agreement"), .cancelled)
        let again = try await enrollment.cancel(request.id, channel: .app, signer: .patient, eventID: "cancel-1")
        XCTAssertEqual(again, cancelled, "cancelling again with the same event answers the same")
    }

    func testReEnrollmentAfterCancellationKeepsTheHistory() async throws {
        let fixture = EnrollmentFixture()
        let first = try fixture.applicant("P-1", months: 24)
        let enrollment = try fixture.enrollment
        _ = try await enrollment.enroll(first)
        _ = try await enrollment.cancel(first.id, channel: .cashierWindow, signer: .patient, eventID: "cancel-1")
        var second = first
        (second.id, second.line) = ("enroll-P-1-again", "A-P-1-2")
        fixture.bankA.grant(second.line, limit: Money(fen: 5_000_000))
        await assertThrows(EnrollmentError.Code.consentMissing) { try await enrollment.enroll(second) }
        fixture.clock.advance(seconds: 86_400)
        _ = try fixture.consents.sign("agreement", version: 1, patient: "P-1", channel: .app, signer: .patient, id: "sign-again")
        guard case .open(let grant) = try await enrollment.enroll(second) else { return XCTFail("re-enrolls") }
        XCTAssertEqual(grant.tier, "C")
        XCTAssertEqual(try fixture.steps.enrollments(of: "P-1"), [first.id, second.id])
        guard case .cancelled = try enrollment.status(of: first.id) else { return XCTFail("the first stays cancelled") }
        XCTAssertEqual(try fixture.database.consentStore.events(of: "P-1").map(\.action), [.signed, .cancelled, .signed])
    }

    func testAnAgentCancelsOnlyWithAuthorityAndTheConsentStaysWhileAnotherBankHoldsALine() async throws {
        let fixture = EnrollmentFixture()
        let (atA, atB) = try await fixture.enrolledAtTwoBanks("P-1", bankBLimit: 1_000_000)
        let enrollment = try fixture.enrollment
        let son = ConsentSigner.agent(id: "son-1", relation: .child)
        await assertThrows(EnrollmentError.Code.agentWithoutAuthority) { try await enrollment.cancel(atA.id, channel: .app, signer: son, eventID: "c-1") }
        XCTAssertEqual(try fixture.ledger.line(atA.line)?.status, [], "nothing changed")
        fixture.authority.register("son-1", for: "P-1", as: .child)
        guard case .cancelled = try await enrollment.cancel(atA.id, channel: .app, signer: son, eventID: "c-1") else { return XCTFail() }
        XCTAssertEqual(try fixture.consents.standing(of: "P-1", in: "agreement"), .signed(version: 1), "bank B's line still needs it")
        _ = try await enrollment.cancel(atB.id, channel: .app, signer: .patient, eventID: "c-2")
        XCTAssertEqual(try fixture.consents.standing(of: "P-1", in: "agreement"), .cancelled)
        await assertThrows(EnrollmentError.Code.notEnrolled) { try await enrollment.cancel("enroll-nobody", channel: .app, signer: .patient, eventID: "c-3") }
    }
}
