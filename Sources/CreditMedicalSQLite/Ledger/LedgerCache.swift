import CreditMedicalCore

/// The lines and open holds a store wrote in its own recent commits, so that the next batch need
/// not read them back.
///
/// It is trusted only while no other connection has written to the database: the store compares
/// `PRAGMA data_version` at the start of every write transaction and empties the cache when it
/// changed. Ended holds are dropped (they rarely come back), and the whole cache is emptied when
/// it grows past ``maximumEntries``, so its memory stays bounded.
struct LedgerCache {
    /// The most lines (and, separately, open holds) the cache keeps.
    static let maximumEntries = 200_000

    private(set) var lines: [CreditLineID: CreditLine] = [:]
    private(set) var openHolds: [HoldID: Hold] = [:]
    /// The journal's last sequence number after the last commit, when known.
    private(set) var lastSequence: Int64?
    private var dataVersion: Int64?

    /// Empties the cache unless `dataVersion` is the one seen before.
    mutating func validate(dataVersion: Int64) {
        guard dataVersion != self.dataVersion else { return }
        reset()
        self.dataVersion = dataVersion
    }

    /// Forgets everything.
    mutating func reset() {
        lines.removeAll()
        openHolds.removeAll()
        lastSequence = nil
        dataVersion = nil
    }

    /// Takes in what a committed batch wrote.
    mutating func remember(lines changedLines: [CreditLine], holds changedHolds: [Hold], lastSequence: Int64) {
        if lines.count + changedLines.count > Self.maximumEntries { lines.removeAll() }
        if openHolds.count + changedHolds.count > Self.maximumEntries { openHolds.removeAll() }
        for line in changedLines { lines[line.id] = line }
        for hold in changedHolds { openHolds[hold.id] = hold.state == .open ? hold : nil }
        self.lastSequence = lastSequence
    }
}
