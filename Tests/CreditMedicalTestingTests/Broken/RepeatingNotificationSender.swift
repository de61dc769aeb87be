import CreditMedicalCore
import Synchronization

/// A broken notification sender: it delivers every message it is given, also one whose id it
/// delivered before. Its test system is its own log of what reached the patient.
final class RepeatingNotificationSender: NotificationSender {
    private let delivered = Mutex<[PatientNotification]>([])

    /// How many messages with `id` reached the patient through `sender`, a repeating sender.
    static func deliveries(of id: AdapterRequestID, by sender: any NotificationSender) throws -> Int {
        guard let repeating = sender as? RepeatingNotificationSender else {
            throw AdapterError(.unavailable, details: "\(type(of: sender)) is not a RepeatingNotificationSender")
        }
        return repeating.delivered.withLock { $0.filter { $0.id == id }.count }
    }

    func send(_ notification: PatientNotification) async throws {
        delivered.withLock { $0.append(notification) }
    }
}
