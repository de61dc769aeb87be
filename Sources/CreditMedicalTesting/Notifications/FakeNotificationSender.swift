public import CreditMedicalCore
import Synchronization

/// A notification fake: keeps what it delivered, each id once, and counts every call, so a test
/// can tell a retried send from a second message. Tell it to fail with ``inject(_:)``.
public final class FakeNotificationSender: NotificationSender {
    private struct State: FaultInjectable {
        var delivered: [PatientNotification] = []
        var ids: Set<AdapterRequestID> = []
        var calls = 0
        var faults = FaultPlan()
    }

    private let state = Mutex(State())

    public init() {}

    /// Queues a fault for the next calls, one call each.
    public func inject(_ faults: FakeFault...) {
        state.withLock { $0.faults.pending += faults }
    }

    /// Everything delivered, in order, each id once.
    public var delivered: [PatientNotification] { state.withLock { $0.delivered } }

    /// How many times ``send(_:)`` was called, retries included.
    public var calls: Int { state.withLock { $0.calls } }

    /// What one patient received, in order.
    public func delivered(to patient: String) -> [PatientNotification] {
        delivered.filter { $0.patient == patient }
    }

    public func send(_ notification: PatientNotification) async throws {
        state.withLock { $0.calls += 1 }
        try state.call { state in
            guard state.ids.insert(notification.id).inserted else { return }
            state.delivered.append(notification)
            state.faults.applied += 1
        }
    }
}
