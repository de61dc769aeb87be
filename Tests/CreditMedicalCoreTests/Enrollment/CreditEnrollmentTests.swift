import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

final class CreditEnrollmentTests: XCTestCase {
    func testEnrollmentOpensTheLineAtTheScoresTierOfTheBanksLine() async throws {
        let fixture = EnrollmentFixture()
        let request = try fixture.applicant("P-1", months: 48, bankLimit: 5_000_000)
        let status = try await fixture.enrollment.enroll(request)
        let grant = EnrollmentGrant(bankLimit: Money(fen: 5_000_000), score: 720, scoreRecord: "enroll-P-1", tier: "B", limit: Money(fen: 3_000_000))
        XCTAssertEqual(status, .open(grant), "B grants 80 % of the bank's line, capped at 30,000 yuan")
        XCTAssertEqual(try fixture.ledger.line("A-P-1")?.limit, Money(fen: 3_000_000))
        XCTAssertEqual(try fixture.steps.steps(of: "enroll-P-1").map(\.event.name), ["requested", "checked", "granted", "opened"])
        XCTAssertEqual(try fixture.database.scoreRecordStore.record(id: "enroll-P-1")?.decision.score, 720)
        XCTAssertEqual(fixture.bankA.lineQueries("A-P-1"), 1)
        XCTAssertEqual(try fixture.enrollment.status(of: "enroll-P-1"), .open(grant))
    }

    func testARefusalNamesEveryRuleThatFailedAndAsksNoBank() async throws {
        let fixture = EnrollmentFixture()
        let request = try fixture.applicant("P-1")
        fixture.source.set([EligibilityPolicy.Feature.insuranceRegion: .category("other"),
                            EligibilityPolicy.Feature.insuranceStatus: .category("suspended")], for: "P-1")
        let status = try await fixture.enrollment.enroll(request)
        guard case .refused(let reasons) = status else { return XCTFail("\(status)") }
        XCTAssertEqual(reasons.map(\.rule), ["insured_locally", "insurance_in_force"])
        XCTAssertEqual(reasons.first?.sentence.chinese, "须为本市医保参保人")
        XCTAssertNil(try fixture.ledger.line("A-P-1"))
        XCTAssertEqual(fixture.bankA.lineQueries("A-P-1"), 0)
        XCTAssertNil(try fixture.database.scoreRecordStore.record(id: "enroll-P-1"), "an ineligible patient is not scored")
    }

    func testAScoreInNoTierOrABankThatGrantsNothingRefuses() async throws {
        let fixture = EnrollmentFixture()
        let low = try fixture.applicant("P-1", months: 6)
        let stopped = try fixture.applicant("P-2")
        fixture.bankA.grant(stopped.line, limit: Money(fen: 5_000_000), usable: false)
        let results = try await fixture.enrollment.enroll([low, stopped])
        XCTAssertEqual(try results[0].get(), .refused(reasons: [.scoreTier]))
        XCTAssertEqual(try results[1].get(), .refused(reasons: [.bankLine]))
        XCTAssertNil(try fixture.ledger.line(low.line))
        XCTAssertNil(try fixture.ledger.line(stopped.line))
    }

    func testRequestsThatCannotStartAreRefusedWithTypedErrorsAndRecordNothing() async throws {
        let fixture = EnrollmentFixture()
        let request = try fixture.applicant("P-1")
        var unknownBank = request
        unknownBank.bank = "bank-x"
        var unsigned = request
        (unsigned.id, unsigned.patient) = ("enroll-P-9", "P-9")
        var badID = request
        badID.id = "enroll\u{0}P-1"
        var lookalike = request
        lookalike.patient = "Р-1" // a Cyrillic Er: another patient, who signed nothing
        var takenLine = try fixture.applicant("P-2")
        try await fixture.ledger.execute(.openLine(takenLine.line, limit: Money(fen: 100)), key: "by hand")
        takenLine.id = "enroll-P-2"
        var unknownInstitution = request
        unknownInstitution.institution = "hospital-9"
        var badInstitution = request
        badInstitution.institution = "hospital\u{202E}1"
        let cases: [(EnrollmentRequest, EnrollmentError.Code)] = [
            (unknownBank, .unknownBank), (unsigned, .consentMissing), (badID, .invalidInput), (lookalike, .consentMissing),
            (takenLine, .lineExists), (unknownInstitution, .unknownInstitution), (badInstitution, .invalidInput),
        ]
        var enrollment = try fixture.enrollment
        enrollment = CreditEnrollment(configuration: .init(consentDocument: "agreement", eligibility: .xiamenStyle, limits: .xiamenStyle,
                                                           institutions: ["hospital-1"]),
                                      consents: enrollment.consents, scoring: enrollment.scoring, banks: enrollment.banks,
                                      ledger: enrollment.ledger, store: enrollment.store)
        for (request, code) in cases {
            do {
                let status = try await enrollment.enroll(request)
                XCTFail("\(request): \(status)")
            } catch {
                XCTAssertTrue(code ~= error, "\(request.id): \(error)")
            }
        }
        XCTAssertEqual(fixture.steps.appends, 0, "nothing recorded")
        XCTAssertEqual(fixture.bankA.lineQueries(request.line), 0)
    }

    func testAnEnrollmentIdIsOneRequestAndAPatientHasOneEnrollmentPerBank() async throws {
        let fixture = EnrollmentFixture()
        let request = try fixture.applicant("P-1")
        let enrollment = try fixture.enrollment
        let first = try await enrollment.enroll(request)
        let again = try await enrollment.enroll(request)
        XCTAssertEqual(again, first, "submitting again answers the same")
        XCTAssertEqual(fixture.bankA.lineQueries(request.line), 1)
        var changed = request
        changed.line = "A-P-1-other"
        await assertThrows(EnrollmentError.Code.requestConflict) { try await enrollment.enroll(changed) }
        changed.id = "enroll-P-1-second"
        await assertThrows(EnrollmentError.Code.alreadyEnrolled) { try await enrollment.enroll(changed) }
        changed.bank = "bank-b"
        fixture.bankB.grant(changed.line, limit: Money(fen: 2_000_000))
        guard case .open(let grant) = try await enrollment.enroll(changed) else { return XCTFail("a second bank may grant a line") }
        XCTAssertEqual(grant.limit, Money(fen: 1_600_000))
        let twice = await enrollment.enroll([request, request])
        XCTAssertEqual(try twice[0].get(), first)
        XCTAssertThrowsError(try twice[1].get()) { XCTAssertTrue(EnrollmentError.Code.requestConflict ~= $0, "\($0)") }
    }

    func testAFailureAtEachStepResumesWithoutAskingTwiceOrOpeningTwice() async throws {
        for failing in 1...4 {
            let fixture = EnrollmentFixture()
            let request = try fixture.applicant("P-1")
            fixture.steps.failAppend(failing)
            do {
                let status = try await fixture.enrollment.enroll(request)
                XCTFail("append \(failing) failed, yet: \(status)")
            } catch {
                XCTAssertTrue(AdapterError.Code.unavailable ~= error, "\(error)")
            }
            let resumed = try await fixture.enrollment.enroll(request)
            guard case .open(let grant) = resumed else { return XCTFail("append \(failing): \(resumed)") }
            XCTAssertEqual(try fixture.ledger.line(request.line)?.limit, grant.limit)
            XCTAssertEqual(try fixture.ledger.journal(for: request.line).count, 1, "append \(failing): opened once")
            XCTAssertEqual(try fixture.steps.steps(of: request.id).map(\.event.name), ["requested", "checked", "granted", "opened"])
            // The bank's answer is read back once recorded; only an answer lost before its
            // recording (append 3) is asked for again, by a query that changes nothing.
            XCTAssertEqual(fixture.bankA.lineQueries(request.line), failing == 3 ? 2 : 1, "append \(failing)")
            XCTAssertEqual(fixture.source.asked, failing == 2 ? 2 : 1, "append \(failing): features gathered until recorded")
        }
    }

    func testABankThatDoesNotAnswerLeavesTheEnrollmentToResume() async throws {
        let fixture = EnrollmentFixture()
        let request = try fixture.applicant("P-1")
        fixture.bankA.inject(.unavailable)
        await assertThrows(AdapterError.Code.unavailable) { try await fixture.enrollment.enroll(request) }
        XCTAssertEqual(try fixture.enrollment.status(of: request.id), .inProgress)
        guard case .open = try await fixture.enrollment.enroll(request) else { return XCTFail("resumes") }
        XCTAssertEqual(fixture.source.asked, 1, "the recorded features are used")
    }

    func testABatchWritesEachStepOnceForAllItsRequests() async throws {
        let fixture = EnrollmentFixture()
        let requests = try (1...50).map { try fixture.applicant("P-\($0)", months: Double($0 % 4) * 20) }
        let results = try await fixture.enrollment.enroll(requests)
        XCTAssertEqual(fixture.steps.appends, 4, "requested, checked, granted or refused, opened")
        let opened = try results.filter { if case .open = try $0.get() { true } else { false } }
        XCTAssertEqual(opened.count, 38, "every fourth patient paid no housing fund and reaches no tier")
    }

    func testAnEnrollmentSaysWhichBankAndInstitutionALineBelongsTo() async throws {
        let fixture = EnrollmentFixture()
        var request = try fixture.applicant("P-1")
        request.institution = "hospital-2"
        let enrollment = try fixture.enrollment
        _ = try await enrollment.enroll(request)
        try await fixture.ledger.execute(.openMemberLine("A-P-1~child", guarantor: request.line, cap: Money(fen: 50_000)), key: "member")
        XCTAssertEqual(try enrollment.account(of: request.line), CreditLineAccount(line: request.line, bank: "bank-a", institution: "hospital-2", holder: request.patient))
        XCTAssertEqual(try enrollment.account(of: "A-P-1~child")?.bank, "bank-a", "a member line is its guarantor's bank's")
        XCTAssertNil(try enrollment.account(of: "nobody's"))
    }

    func testAPatientsLinesComeWithTheMostAvailableFirstAndUnusableLinesLast() async throws {
        let fixture = EnrollmentFixture()
        _ = try await fixture.enrolledAtTwoBanks("P-1", months: 24, bankBLimit: 1_500_000)
        let enrollment = try fixture.enrollment
        XCTAssertEqual(try enrollment.lines(of: "P-1").map(\.line), ["A-P-1", "B-P-1"], "tier C: ¥10,000 (capped) at A, ¥7,500 at B")
        XCTAssertEqual(try enrollment.lines(of: "P-1").map(\.available), [Money(fen: 1_000_000), Money(fen: 750_000)])
        try await fixture.ledger.execute(.placeHold("MZ-1", line: "A-P-1", amount: Money(fen: 400_000), expiresAt: nil), key: "h")
        XCTAssertEqual(try enrollment.lines(of: "P-1").map(\.line), ["B-P-1", "A-P-1"], "A has ¥6,000 left")
        try await fixture.ledger.execute(.suspendLine("B-P-1"), key: "s")
        XCTAssertEqual(try enrollment.lines(of: "P-1").map(\.line), ["A-P-1", "B-P-1"], "a suspended line comes last")
        XCTAssertEqual(try enrollment.lines(of: "P-2"), [])
    }
}
