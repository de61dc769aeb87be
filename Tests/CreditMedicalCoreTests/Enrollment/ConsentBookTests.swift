import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class ConsentBookTests: XCTestCase {
    let store = InMemoryConsentStore()
    let authority = FakeAgentAuthority()
    let clock = ManualClock(Timestamp(millisecondsSince1970: 1_795_996_800_000))
    let agreement = ConsentDocument(id: "agreement", version: 1, title: BilingualText(chinese: "信用就医服务协议", english: "Credit care agreement"))
    var documents: [ConsentDocument] = []

    override func setUp() {
        documents = [agreement]
    }

    var book: ConsentBook { ConsentBook(documents: documents, store: store, authority: authority, clock: clock) }

    func testASignatureIsRecordedWithChannelSignerVersionAndTime() throws {
        XCTAssertEqual(try book.standing(of: "P-1", in: "agreement"), .neverSigned)
        let event = try book.sign("agreement", version: 1, patient: "P-1", channel: .kiosk, signer: .patient, id: "kiosk-1")
        XCTAssertEqual(event, ConsentEvent(id: "kiosk-1", patient: "P-1", document: "agreement", version: 1, action: .signed, channel: .kiosk,
                                           signer: .patient, at: clock.now()))
        XCTAssertEqual(try store.events(of: "P-1"), [event])
        XCTAssertEqual(try book.standing(of: "P-1", in: "agreement"), .signed(version: 1))
    }

    func testANewVersionNeedsANewSignatureAndKeepsTheHistory() throws {
        _ = try book.sign("agreement", version: 1, patient: "P-1", channel: .app, signer: .patient, id: "s-1")
        documents.append(ConsentDocument(id: "agreement", version: 2, title: agreement.title))
        XCTAssertEqual(try book.standing(of: "P-1", in: "agreement"), .outdated(signed: 1, current: 2))
        XCTAssertThrowsError(try book.sign("agreement", version: 1, patient: "P-1", channel: .app, signer: .patient, id: "s-2")) { error in
            XCTAssertTrue(EnrollmentError.Code.unknownVersion ~= error, "\(error)")
            XCTAssertEqual((error as? EnrollmentError)?.context["current"], "2")
        }
        clock.advance(seconds: 60)
        _ = try book.sign("agreement", version: 2, patient: "P-1", channel: .miniProgram, signer: .patient, id: "s-3")
        XCTAssertEqual(try book.standing(of: "P-1", in: "agreement"), .signed(version: 2))
        XCTAssertEqual(try store.events(of: "P-1").map(\.id), ["s-1", "s-3"])
    }

    func testAnAgentSignsOnlyWithAuthorityAndAsTheRelationRegistered() throws {
        authority.register("son-1", for: "elder-1", as: .child)
        let event = try book.sign("agreement", version: 1, patient: "elder-1", channel: .officialAccount,
                                  signer: .agent(id: "son-1", relation: .child), id: "proxy-1")
        XCTAssertEqual(event.signer, .agent(id: "son-1", relation: .child))
        for (signer, id) in [(ConsentSigner.agent(id: "stranger", relation: .child), "proxy-2"), (.agent(id: "son-1", relation: .spouse), "proxy-3")] {
            XCTAssertThrowsError(try book.sign("agreement", version: 1, patient: "elder-1", channel: .app, signer: signer, id: id)) { error in
                XCTAssertTrue(EnrollmentError.Code.agentWithoutAuthority ~= error, "\(error)")
                XCTAssertFalse(String(describing: error).contains("stranger"), "the agent's id is a detail, not in the description")
            }
        }
        XCTAssertEqual(try store.events(of: "elder-1").map(\.id), ["proxy-1"], "nothing recorded for the refused ones")
    }

    func testCancellingNeedsASignatureAndReEnrollingKeepsTheHistory() throws {
        XCTAssertThrowsError(try book.cancel("agreement", patient: "P-1", channel: .cashierWindow, signer: .patient, id: "c-0")) { error in
            XCTAssertTrue(EnrollmentError.Code.notSigned ~= error, "\(error)")
        }
        _ = try book.sign("agreement", version: 1, patient: "P-1", channel: .app, signer: .patient, id: "s-1")
        let cancelled = try book.cancel("agreement", patient: "P-1", channel: .cashierWindow, signer: .patient, id: "c-1")
        XCTAssertEqual(cancelled.action, .cancelled)
        XCTAssertEqual(try book.standing(of: "P-1", in: "agreement"), .cancelled)
        XCTAssertThrowsError(try book.cancel("agreement", patient: "P-1", channel: .app, signer: .patient, id: "c-2"))
        _ = try book.sign("agreement", version: 1, patient: "P-1", channel: .internetHospital, signer: .patient, id: "s-2")
        XCTAssertEqual(try book.standing(of: "P-1", in: "agreement"), .signed(version: 1))
        XCTAssertEqual(try store.events(of: "P-1").map(\.action), [.signed, .cancelled, .signed])
    }

    func testARetriedRequestIsRecordedOnceAndAReusedIdIsAConflict() throws {
        let first = try book.sign("agreement", version: 1, patient: "P-1", channel: .kiosk, signer: .patient, id: "s-1")
        clock.advance(seconds: 5)
        XCTAssertEqual(try book.sign("agreement", version: 1, patient: "P-1", channel: .kiosk, signer: .patient, id: "s-1"), first)
        XCTAssertEqual(try book.cancel("agreement", patient: "P-1", channel: .kiosk, signer: .patient, id: "c-1").action, .cancelled)
        XCTAssertEqual(try book.cancel("agreement", patient: "P-1", channel: .kiosk, signer: .patient, id: "c-1").action, .cancelled,
                       "a retried cancellation answers the recorded one")
        XCTAssertThrowsError(try book.sign("agreement", version: 1, patient: "P-2", channel: .kiosk, signer: .patient, id: "s-1")) { error in
            XCTAssertTrue(EnrollmentError.Code.eventConflict ~= error, "\(error)")
        }
        XCTAssertEqual(try store.events(of: "P-1").count, 2)
    }

    func testUnknownDocumentsAndBadIdentifiersChangeNothing() throws {
        XCTAssertThrowsError(try book.sign("terms", version: 1, patient: "P-1", channel: .app, signer: .patient, id: "s-1")) { error in
            XCTAssertTrue(EnrollmentError.Code.unknownDocument ~= error, "\(error)")
        }
        for (patient, id) in [("P\u{0}1", "s-1"), ("P-1", "s\u{200B}1"), ("", "s-1")] {
            XCTAssertThrowsError(try book.sign("agreement", version: 1, patient: patient, channel: .app, signer: .patient, id: id)) { error in
                XCTAssertTrue(EnrollmentError.Code.invalidInput ~= error, "\(error)")
            }
        }
        XCTAssertEqual(try store.events(of: "P-1"), [])
    }
}
