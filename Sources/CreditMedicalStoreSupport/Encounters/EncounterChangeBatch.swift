package import CreditMedicalCore
package import CreditMedicalHIS

/// The changes of one commit, grouped by table for statements of many rows: an encounter or
/// settlement changed twice is written once, in its last state.
package struct EncounterChangeBatch {
    package private(set) var encounters: [Encounter] = []
    /// The revisions each encounter is written with, in order.
    private var revisions: [EncounterID: [Int]] = [:]
    package private(set) var items: [(EncounterID, ChargeItem)] = []
    package private(set) var refunds: [(EncounterID, ChargeRefund)] = []
    package private(set) var settlements: [SettlementRecord] = []
    package private(set) var notifications: [PatientNotification] = []
    package private(set) var sent: [AdapterRequestID] = []
    package private(set) var failedDeliveries: [AdapterRequestID] = []

    package init(_ changes: [EncounterChange]) {
        var encounterIndex: [EncounterID: Int] = [:]
        var settlementIndex: [String: Int] = [:]
        var notificationIndex: [AdapterRequestID: Int] = [:]
        for change in changes {
            switch change {
            case .encounter(let encounter):
                Self.put(encounter, key: encounter.id, in: &encounters, index: &encounterIndex)
                revisions[encounter.id, default: []].append(encounter.revision)
            case .items(let id, let added):
                items += added.map { (id, $0) }
            case .refund(let id, let refund):
                refunds.append((id, refund))
            case .settlement(let record):
                Self.put(record, key: "\(record.round)/\(record.encounter.rawValue)", in: &settlements, index: &settlementIndex)
            case .notification(let notification):
                Self.put(notification, key: notification.id, in: &notifications, index: &notificationIndex)
            case .notificationSent(let id):
                sent.append(id)
            case .deliveryFailed(let id):
                failedDeliveries.append(id)
            }
        }
    }

    /// The encounters of the batch that the stored revisions (`stored`, by id, for those that
    /// exist) do not allow: a stored one must be at the revision before the batch's first write
    /// of it, and several writes of one encounter must follow each other.
    package func staleEncounters(stored: [EncounterID: Int]) -> [EncounterID] {
        var stale: [EncounterID] = []
        for (id, revisions) in revisions {
            let follows = zip(revisions, revisions.dropFirst()).allSatisfy { $0 + 1 == $1 }
            if !follows || stored[id].map({ $0 + 1 != revisions[0] }) == true { stale.append(id) }
        }
        return stale.sorted()
    }

    private static func put<Value, Key: Hashable>(_ value: Value, key: Key, in values: inout [Value], index: inout [Key: Int]) {
        if let position = index[key] {
            values[position] = value
        } else {
            index[key] = values.count
            values.append(value)
        }
    }
}
