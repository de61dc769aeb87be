import CreditMedicalCore
import CreditMedicalTesting
import Synchronization

/// A broken bank adapter: an advance requested again, a reversal noticed again or a receivable
/// handed over again with the same request id (a retry) is booked again, under an id of its own. Its test system is a
/// ``FakeCreditProvider``.
final class DoubleBookingBank: CreditProviderAdapter {
    /// The bank's books.
    let books = FakeCreditProvider()
    private let requests = Mutex<[AdapterRequestID: Int]>([:])

    /// The books of `adapter`, a double-booking bank.
    static func books(of adapter: any CreditProviderAdapter) throws -> FakeCreditProvider {
        guard let bank = adapter as? DoubleBookingBank else { throw AdapterError(.unavailable, details: "\(type(of: adapter)) is not a DoubleBookingBank") }
        return bank.books
    }

    /// How many times `id` was sent, this time included.
    private func count(_ id: AdapterRequestID) -> Int {
        requests.withLock { counts in
            counts[id, default: 0] += 1
            return counts[id, default: 0]
        }
    }

    func requestAdvance(_ request: AdvanceRequest) async throws {
        let count = count(request.requestID)
        let booked = count == 1 ? request : AdvanceRequest(
            requestID: AdapterRequestID("\(request.requestID.rawValue)~\(count)"), line: request.line, encounter: request.encounter,
            amount: request.amount, requestedAt: request.requestedAt, dueBy: request.dueBy)
        try await books.requestAdvance(booked)
    }

    func line(_ line: CreditLineID) async throws -> CreditProviderLine { try await books.line(line) }
    func handOver(_ handover: CollectionHandover) async throws {
        let count = count(handover.requestID)
        try await books.handOver(count == 1 ? handover : CollectionHandover(
            requestID: AdapterRequestID("\(handover.requestID.rawValue)~\(count)"), line: handover.line, hold: handover.hold,
            owed: handover.owed, daysPastDue: handover.daysPastDue, dueAt: handover.dueAt, at: handover.at))
    }
    func noticeCapture(_ notice: CaptureNotice) async throws { try await books.noticeCapture(notice) }
    func noticeReversal(_ notice: ReversalNotice) async throws {
        let count = count(notice.requestID)
        try await books.noticeReversal(count == 1 ? notice : ReversalNotice(
            requestID: AdapterRequestID("\(notice.requestID.rawValue)~\(count)"), line: notice.line, encounter: notice.encounter,
            amount: notice.amount, advanceRequestID: notice.advanceRequestID, institution: notice.institution,
            advancePaid: notice.advancePaid, reversedAt: notice.reversedAt))
    }
    func advanceStatus(_ requestID: AdapterRequestID) async throws -> AdvanceStatus { try await books.advanceStatus(requestID) }
    func pendingRepayments(limit: Int) async throws -> [RepaymentNotice] { try await books.pendingRepayments(limit: limit) }
    func acknowledgeRepayments(_ ids: [String]) async throws { try await books.acknowledgeRepayments(ids) }
}
