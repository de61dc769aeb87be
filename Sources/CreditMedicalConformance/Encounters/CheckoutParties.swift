import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Synchronization

/// The four parties of one checkout in ``CheckoutRecoveryConformance``, as the suite's factories
/// made them, and the desks that talk to them. The desks reach medical insurance through a
/// switch that can make it unreachable, and the channel through a recorder of what the desk sent;
/// the observations look at the parties themselves.
struct CheckoutParties {
    let medical: any MedicalInsuranceAdapter
    let commercial: any CommercialInsuranceAdapter
    let bank: any CreditProviderAdapter
    let sender: any NotificationSender
    let medicalSwitch: SwitchedMedicalInsurance
    let sent: RecordingNotificationSender

    init(medical: any MedicalInsuranceAdapter, commercial: any CommercialInsuranceAdapter, bank: any CreditProviderAdapter,
         sender: any NotificationSender) {
        self.medical = medical
        self.commercial = commercial
        self.bank = bank
        self.sender = sender
        medicalSwitch = SwitchedMedicalInsurance(medical)
        sent = RecordingNotificationSender(sender)
    }

    /// An ordinary desk over `database`.
    func desk(_ database: any CreditDatabase, clock: ManualClock) -> CreditDesk {
        CreditDesk(ledger: Ledger(store: database.ledgerStore, clock: clock), store: database.encounterStore, medicalInsurance: medicalSwitch, commercialInsurance: commercial,
                   bank: bank, notifications: sent)
    }

    /// A desk over `database` whose checkout crashes at `point`.
    func desk(_ database: any CreditDatabase, clock: ManualClock, crashingAt point: CheckoutCrashPoint) -> CreditDesk {
        CreditDesk.crashing(at: point, ledger: Ledger(store: database.ledgerStore, clock: clock), store: database.encounterStore, medicalInsurance: medicalSwitch,
                            commercialInsurance: commercial, bank: bank, notifications: sent)
    }
}

/// Medical insurance as the desk reaches it: the adapter, or, while ``isUnreachable``, a network
/// that answers every call with `AdapterError.Code.unavailable`.
final class SwitchedMedicalInsurance: MedicalInsuranceAdapter {
    private let adapter: any MedicalInsuranceAdapter
    private let unreachable = Mutex(false)

    init(_ adapter: any MedicalInsuranceAdapter) { self.adapter = adapter }

    var isUnreachable: Bool {
        get { unreachable.withLock { $0 } }
        set { unreachable.withLock { $0 = newValue } }
    }

    func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        try reach()
        return try await adapter.preSettle(claim)
    }

    func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        try reach()
        return try await adapter.settle(claim)
    }

    func reverse(settlementID: String, requestID: AdapterRequestID) async throws {
        try reach()
        try await adapter.reverse(settlementID: settlementID, requestID: requestID)
    }

    private func reach() throws {
        if isUnreachable { throw AdapterError(.unavailable, details: "made unreachable by the conformance suite") }
    }
}

/// The channel as the desk reaches it: every notification the desk sends is recorded, then
/// passed to the sender.
final class RecordingNotificationSender: NotificationSender {
    private let sender: any NotificationSender
    private let recorded = Mutex<[PatientNotification]>([])

    init(_ sender: any NotificationSender) { self.sender = sender }

    /// Every notification the desk sent, retries included, in order.
    var notifications: [PatientNotification] { recorded.withLock { $0 } }

    func send(_ notification: PatientNotification) async throws {
        recorded.withLock { $0.append(notification) }
        try await sender.send(notification)
    }
}
