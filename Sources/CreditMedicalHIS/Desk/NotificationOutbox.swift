import CreditMedicalCore

/// Delivers the patient's notifications: sends them as the calls put them into the outbox, and
/// again from the outbox after a crash or a failed send. It is the only part of the desk that
/// talks to the ``NotificationSender``; the delivered notifications leave the outbox with the
/// desk's next write (``EncounterWriter/markDelivered(_:)``).
struct NotificationOutbox: Sendable {
    let store: any EncounterStore
    let sender: any NotificationSender
    let writer: EncounterWriter

    /// Sends one notification now; whether it was delivered. The caller records the outcome.
    func send(_ notification: PatientNotification) async -> Bool {
        (try? await sender.send(notification)) != nil
    }

    /// Sends notifications that are in the outbox; the delivered ones leave it with the desk's
    /// next write (a crash before that makes the desk send them again, with the same ids, which
    /// the sender drops). What fails stays for ``deliverPending(limit:)``.
    func deliver(_ pending: [PatientNotification]) async {
        for notification in pending where await send(notification) {
            writer.markDelivered(notification.id)
        }
    }

    /// Sends every notification still in the outbox (after a crash or a failed send); returns how
    /// many were delivered. Each failed attempt is counted in the outbox, so the audit can report
    /// a notification that keeps failing (``DeskAuditor/deliveryAttempts``).
    func deliverPending(limit: Int) async throws -> Int {
        let marked = writer.delivered
        let pending = try store.pendingNotifications(limit: limit).filter { !marked.contains($0.id) }
        var outcomes: [EncounterChange] = []
        var firstError: (any Error)?
        for notification in pending {
            do {
                try await sender.send(notification)
                outcomes.append(.notificationSent(notification.id))
            } catch {
                firstError = firstError ?? error
                outcomes.append(.deliveryFailed(notification.id))
            }
        }
        if !outcomes.isEmpty || !marked.isEmpty { try await writer.write(outcomes) }
        let delivered = outcomes.count { if case .notificationSent = $0 { true } else { false } }
        if let firstError, delivered == 0 { throw firstError }
        return delivered
    }
}
