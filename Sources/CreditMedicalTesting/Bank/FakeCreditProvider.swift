public import CreditMedicalCore
import Synchronization

/// A partner-bank fake: grants lines, records capture notices and advance requests by request
/// id (each applied once), pays advances when told to, and queues repayments until they are
/// acknowledged. Tell it to fail with ``inject(_:)``.
public final class FakeCreditProvider: CreditProviderAdapter {
    private struct State: FaultInjectable {
        var lines: [CreditLineID: CreditProviderLine] = [:]
        var captures = RequestLog<CaptureNotice>()
        var advances = RequestLog<AdvanceRequest>()
        var reversals = RequestLog<ReversalNotice>()
        var handovers = RequestLog<CollectionHandover>()
        var paid: [AdapterRequestID: Timestamp] = [:]
        var repayments: [RepaymentNotice] = []
        var lineQueries: [CreditLineID: Int] = [:]
        var faults = FaultPlan()
    }

    private let state = Mutex(State())

    public init() {}

    /// Queues a fault for the next calls, one call each.
    public func inject(_ faults: FakeFault...) {
        state.withLock { $0.faults.pending += faults }
    }

    /// How many calls changed the fake's state.
    public var appliedCount: Int { state.withLock { $0.faults.applied } }

    /// Grants (or changes) a line as the bank sees it.
    public func grant(_ line: CreditLineID, limit: Money, usable: Bool = true) {
        state.withLock { $0.lines[line] = CreditProviderLine(line: line, grantedLimit: limit, usable: usable) }
    }

    /// How many times ``line(_:)`` was asked about `line`, faults included.
    public func lineQueries(_ line: CreditLineID) -> Int { state.withLock { $0.lineQueries[line] ?? 0 } }

    /// The capture notices received, in order, one per request id.
    public var captureNotices: [CaptureNotice] { state.withLock { $0.captures.inOrder } }

    /// The capture notices booked for `encounter`, in order: what the bank's books show.
    public func captureNotices(for encounter: EncounterID) -> [CaptureNotice] {
        captureNotices.filter { $0.encounter == encounter }
    }

    /// The advance requests received, in order, one per request id.
    public var advanceRequests: [AdvanceRequest] { state.withLock { $0.advances.inOrder } }

    /// The advances booked for `encounter`, in order: what the bank's books show.
    public func advanceRequests(for encounter: EncounterID) -> [AdvanceRequest] {
        advanceRequests.filter { $0.encounter == encounter }
    }

    /// The reversal notices received, in order, one per request id.
    public var reversalNotices: [ReversalNotice] { state.withLock { $0.reversals.inOrder } }

    /// The reversal notices booked for `encounter`, in order: what the bank's books show.
    public func reversalNotices(for encounter: EncounterID) -> [ReversalNotice] {
        reversalNotices.filter { $0.encounter == encounter }
    }

    /// The receivables handed over to the bank's collection, in order, one per request id.
    public var handovers: [CollectionHandover] { state.withLock { $0.handovers.inOrder } }

    /// What the bank's books say it owes `institution` for advances, net of reversals: advances
    /// accepted less what reversals took back (paid or not).
    public func netAdvances(to institution: InstitutionID) -> Money {
        state.withLock { state in
            let advanced = state.advances.inOrder.filter { $0.institution == institution }.reduce(0) { $0 + $1.amount.fen }
            let reversed = state.reversals.inOrder.filter { $0.institution == institution }.reduce(0) { $0 + $1.amount.fen }
            return Money(fen: advanced - reversed)
        }
    }

    /// Pays every accepted advance not paid yet, at `time`; returns how many it paid.
    @discardableResult
    public func payAdvances(at time: Timestamp) -> Int {
        state.withLock { state in
            let unpaid = state.advances.ids.filter { state.paid[$0] == nil }
            for id in unpaid { state.paid[id] = time }
            return unpaid.count
        }
    }

    /// A repayment the bank received from a patient; delivered until acknowledged.
    public func receiveRepayment(_ notice: RepaymentNotice) {
        state.withLock { $0.repayments.append(notice) }
    }

    public func line(_ line: CreditLineID) async throws -> CreditProviderLine {
        state.withLock { $0.lineQueries[line, default: 0] += 1 }
        return try state.call { state in
            guard let granted = state.lines[line] else { throw AdapterError(.unavailable, details: "no line \(line)") }
            return granted
        }
    }

    public func noticeCapture(_ notice: CaptureNotice) async throws {
        try state.call { state in
            if state.captures.book(notice, as: notice.requestID) { state.faults.applied += 1 }
        }
    }

    public func noticeReversal(_ notice: ReversalNotice) async throws {
        try state.call { state in
            guard state.advances[notice.advanceRequestID] != nil else {
                throw AdapterError(.unknownSettlement, details: "no advance \(notice.advanceRequestID)")
            }
            if state.reversals.book(notice, as: notice.requestID) { state.faults.applied += 1 }
        }
    }

    public func handOver(_ handover: CollectionHandover) async throws {
        try state.call { state in
            if state.handovers.book(handover, as: handover.requestID) { state.faults.applied += 1 }
        }
    }

    public func requestAdvance(_ request: AdvanceRequest) async throws {
        try state.call { state in
            if state.advances.book(request, as: request.requestID) { state.faults.applied += 1 }
        }
    }

    public func advanceStatus(_ requestID: AdapterRequestID) async throws -> AdvanceStatus {
        try state.call { state in
            guard state.advances[requestID] != nil else {
                throw AdapterError(.unknownSettlement, details: "no advance \(requestID)")
            }
            return state.paid[requestID].map { .paid(at: $0) } ?? .pending
        }
    }

    public func pendingRepayments(limit: Int) async throws -> [RepaymentNotice] {
        try state.call { state in Array(state.repayments.prefix(max(limit, 0))) }
    }

    public func acknowledgeRepayments(_ ids: [String]) async throws {
        try state.call { state in
            let acknowledged = Set(ids)
            state.repayments.removeAll { acknowledged.contains($0.id) }
        }
    }
}
