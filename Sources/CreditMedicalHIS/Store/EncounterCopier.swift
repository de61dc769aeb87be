import CreditMedicalCore

/// Copies the credit desk's paperwork from one ``EncounterStore`` into another, empty one:
/// every encounter with its charge items and refunds (in their order) and its settlement records
/// of every round, then the notifications still in the outbox (oldest first). It reads every
/// copied encounter back from the target and stops with `CopyError` at the first that
/// differs from the source.
///
/// Used with `LedgerCopier` to move a deployment to another store (`credit-medical copy`): the
/// ledger keeps the money, this the open encounters, unfinished checkouts and unsent notices, so
/// the desk continues on the target where it stopped on the source. Copy while no desk writes to
/// the source.
public enum EncounterCopier {
    /// What was copied.
    public struct Counts: Sendable, Hashable {
        public var encounters = 0
        public var items = 0
        public var refunds = 0
        public var settlements = 0
        public var notifications = 0
    }

    /// Copies `source` into `target`, which must hold no encounters; reads `pageSize`
    /// encounters at a time and writes each page in one commit.
    @discardableResult
    public static func copy(from source: any EncounterStore, to target: any EncounterStore, pageSize: Int = 500) throws -> Counts {
        try requireEmpty(target)
        var counts = Counts()
        var after: EncounterID?
        while true {
            let page = try source.encounters(after: after, limit: pageSize)
            var changes: [EncounterChange] = []
            var copied: [Copied] = []
            for encounter in page {
                let (items, refunds) = try source.charges(of: encounter.id)
                let settlements = try source.settlements(of: encounter.id)
                copied.append(Copied(encounter: encounter, items: items, refunds: refunds, settlements: settlements))
                changes.append(.encounter(encounter))
                if !items.isEmpty { changes.append(.items(encounter.id, items)) }
                changes += refunds.map { EncounterChange.refund(encounter.id, $0) }
                changes += settlements.map(EncounterChange.settlement)
                counts.items += items.count
                counts.refunds += refunds.count
                counts.settlements += settlements.count
            }
            if !changes.isEmpty { try target.commit(changes) }
            for record in copied { try record.requireEqual(in: target) }
            counts.encounters += page.count
            guard let last = page.last, page.count == pageSize else { break }
            after = last.id
        }
        let outbox = try source.pendingNotifications(limit: .max)
        if !outbox.isEmpty { try target.commit(outbox.map(EncounterChange.notification)) }
        guard try target.pendingNotifications(limit: .max) == outbox else { throw CopyError(.differs, context: ["what": "outbox"]) }
        counts.notifications = outbox.count
        try target.flush()
        return counts
    }

    /// Throws `CopyError` unless `target` holds no encounters and no notifications
    /// (check before copying the ledger, so that a refused copy changes nothing).
    public static func requireEmpty(_ target: any EncounterStore) throws {
        guard try target.encounters(after: nil, limit: 1).isEmpty, try target.pendingNotifications(limit: 1).isEmpty else {
            throw CopyError(.targetNotEmpty, context: ["what": "encounters or notifications"])
        }
    }

    /// One encounter as read from the source.
    private struct Copied {
        let encounter: Encounter
        let items: [ChargeItem]
        let refunds: [ChargeRefund]
        let settlements: [SettlementRecord]

        /// Throws unless `target` reads back exactly what was read from the source.
        func requireEqual(in target: any EncounterStore) throws {
            let id = encounter.id
            guard try target.encounter(id) == encounter,
                  try target.charges(of: id) == (items, refunds),
                  try target.settlements(of: id) == settlements
            else { throw CopyError(.differs, context: ["what": "encounter"], details: "encounter \(id)") }
        }
    }
}
