import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Synchronization
import CreditMedicalTestSupport
import XCTest

/// The ids the desk derives from an encounter number (holds, ledger keys, the request ids it sends
/// to the parties, notification ids) fit their types for every valid encounter number.
final class DerivedIDTests: XCTestCase {
    func testAnEncounterNumberOfTheMaximumLengthSettlesReversesAndSettlesAgain() async throws {
        let fixture = DeskFixture()
        let requests = RequestIDs()
        let desk = fixture.desk(medicalInsurance: RecordingMedicalInsurance(fixture.parties.medicalInsurance, requests),
                                commercialInsurance: RecordingCommercialInsurance(fixture.parties.commercialInsurance, requests),
                                bank: RecordingBank(fixture.parties.bank, requests),
                                notifications: RecordingNotifications(fixture.parties.notifications, requests))
        // 64 bytes, three of them per character: the longest encounter number there may be.
        let id = EncounterID(String(repeating: "院", count: 21) + "9")
        XCTAssertEqual(id.rawValue.utf8.count, EncounterID.maximumLength)
        try await fixture.enroll("L1", limit: 30_000)
        try await desk.open(id, kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        for round in 1...3 {
            // The charges go past the line, so every kind of notice is sent.
            try await desk.charge([fixture.item("A\(round)", 20_000), fixture.item("B\(round)", 15_000)], to: id)
            let record = try await desk.checkout(id)
            XCTAssertEqual(record.round, round)
            XCTAssertEqual(record.step, .completed)
            if round < 3 { try await desk.reverseSettlement(id) }
        }
        XCTAssertEqual(try fixture.ledger.hold(HoldID(id.rawValue + "#3"))?.state, .captured, "the third round's hold")
        let sent = requests.all
        XCTAssertFalse(sent.isEmpty)
        for request in sent {
            XCTAssertTrue(request.isValid, "\(request) (\(request.rawValue.utf8.count) bytes): \(request.violation.map(\.rawValue) ?? "")")
        }
        XCTAssertEqual(Set(sent).count, sent.count - requests.repeats, "no two calls of different purpose share an id")
        let keys = try fixture.ledger.store.journal(line: nil, after: 0, limit: 1_000).map(\.key)
        XCTAssertEqual(Set(keys).count, keys.count)
    }

    func testAnEncounterNumberWithTheRoundSeparatorIsRefused() async throws {
        // "A#2" would share its hold, keys and request ids with the second round of "A".
        let fixture = DeskFixture()
        try await fixture.enroll("L1", limit: 30_000)
        let desk = fixture.desk()
        let error = await assertThrows(BillingError.Code.invalidIdentifier) {
            try await desk.open("A#2", kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        }
        XCTAssertEqual((error as? BillingError)?.context["rule"], InputRule.reservedCharacter.rawValue)
        XCTAssertNil(try fixture.store.encounter("A#2"))
    }
}

/// Every request and notification id the desk sent, and how many were repeats of the same call.
private final class RequestIDs: Sendable {
    private let state = Mutex<(ids: [AdapterRequestID], repeats: Int)>(([], 0))

    func record(_ id: AdapterRequestID, repeating: Bool = false) {
        state.withLock {
            $0.ids.append(id)
            if repeating { $0.repeats += 1 }
        }
    }

    var all: [AdapterRequestID] { state.withLock { $0.ids } }
    var repeats: Int { state.withLock { $0.repeats } }
}

private struct RecordingMedicalInsurance: MedicalInsuranceAdapter {
    let wrapped: any MedicalInsuranceAdapter
    let requests: RequestIDs
    init(_ wrapped: any MedicalInsuranceAdapter, _ requests: RequestIDs) { (self.wrapped, self.requests) = (wrapped, requests) }

    func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        requests.record(claim.requestID, repeating: true)  // the settlement sends the same id
        return try await wrapped.preSettle(claim)
    }

    func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        requests.record(claim.requestID)
        return try await wrapped.settle(claim)
    }

    func reverse(settlementID: String, requestID: AdapterRequestID) async throws {
        requests.record(requestID)
        try await wrapped.reverse(settlementID: settlementID, requestID: requestID)
    }
}

private struct RecordingCommercialInsurance: CommercialInsuranceAdapter {
    let wrapped: any CommercialInsuranceAdapter
    let requests: RequestIDs
    init(_ wrapped: any CommercialInsuranceAdapter, _ requests: RequestIDs) { (self.wrapped, self.requests) = (wrapped, requests) }

    func claim(_ claim: CommercialInsuranceClaim) async throws -> CommercialInsurancePayment {
        requests.record(claim.requestID)
        return try await wrapped.claim(claim)
    }

    func reverse(claimID: String, requestID: AdapterRequestID) async throws {
        requests.record(requestID)
        try await wrapped.reverse(claimID: claimID, requestID: requestID)
    }
}

private struct RecordingBank: CreditProviderAdapter {
    let wrapped: any CreditProviderAdapter
    let requests: RequestIDs
    init(_ wrapped: any CreditProviderAdapter, _ requests: RequestIDs) { (self.wrapped, self.requests) = (wrapped, requests) }

    func line(_ line: CreditLineID) async throws -> CreditProviderLine { try await wrapped.line(line) }

    func noticeCapture(_ notice: CaptureNotice) async throws {
        requests.record(notice.requestID)
        try await wrapped.noticeCapture(notice)
    }

    func requestAdvance(_ request: AdvanceRequest) async throws {
        requests.record(request.requestID)
        try await wrapped.requestAdvance(request)
    }

    func noticeReversal(_ notice: ReversalNotice) async throws {
        requests.record(notice.requestID)
        try await wrapped.noticeReversal(notice)
    }

    func handOver(_ handover: CollectionHandover) async throws {
        requests.record(handover.requestID)
        try await wrapped.handOver(handover)
    }

    func advanceStatus(_ requestID: AdapterRequestID) async throws -> AdvanceStatus { try await wrapped.advanceStatus(requestID) }
    func pendingRepayments(limit: Int) async throws -> [RepaymentNotice] { try await wrapped.pendingRepayments(limit: limit) }
    func acknowledgeRepayments(_ ids: [String]) async throws { try await wrapped.acknowledgeRepayments(ids) }
}

private struct RecordingNotifications: NotificationSender {
    let wrapped: any NotificationSender
    let requests: RequestIDs
    init(_ wrapped: any NotificationSender, _ requests: RequestIDs) { (self.wrapped, self.requests) = (wrapped, requests) }

    func send(_ notification: PatientNotification) async throws {
        requests.record(notification.id)
        try await wrapped.send(notification)
    }
}
