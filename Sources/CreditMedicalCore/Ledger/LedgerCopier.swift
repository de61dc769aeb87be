/// Copies a ledger from one store into another, empty one by replaying its journal through the
/// ``LedgerStateMachine``: every command in order, in batches of the entries that share a time,
/// each batch at its original time. Because the state machine is deterministic, the copy's
/// journal, lines and holds are the source's exactly; the copier checks that every replayed
/// entry equals the original and stops with ``CopyError`` at the first that does not.
///
/// Used to move a ledger from SQLite to PostgreSQL (`credit-medical copy`); run the
/// ``LedgerAuditor`` on the target afterwards.
public enum LedgerCopier {
    /// Copies `source` into `target`, whose journal must be empty; returns how many entries were
    /// copied. Reads the source `pageSize` entries at a time.
    @discardableResult
    public static func copy(from source: any LedgerStore, to target: any LedgerStore, pageSize: Int = 2_000) throws -> Int {
        guard try target.journal(line: nil, after: 0, limit: 1).isEmpty else {
            throw CopyError(.targetNotEmpty, context: ["what": "journal"])
        }
        var copied = 0
        var after: Int64 = 0
        while true {
            let page = try source.journal(line: nil, after: after, limit: pageSize)
            var start = page.startIndex
            while start < page.endIndex {
                // One batch per run of entries with the same time, at most one batch's size.
                var end = start + 1
                while end < page.endIndex, page[end].timestamp == page[start].timestamp, end - start < LedgerLimits.maximumBatchSize {
                    end += 1
                }
                try replay(page[start..<end], into: target)
                copied += end - start
                start = end
            }
            guard let last = page.last, page.count == pageSize else { break }
            after = last.sequence
        }
        try target.flush()
        return copied
    }

    private static func replay(_ entries: ArraySlice<JournalEntry>, into target: any LedgerStore) throws {
        let requests = entries.map { LedgerRequest(key: $0.key, command: $0.command) }
        let results = try target.transact(loading: LedgerStateKeys(for: requests)) { state in
            LedgerStateMachine.apply(requests, to: &state, at: entries[entries.startIndex].timestamp)
        }
        for (entry, result) in zip(entries, results) {
            guard case .success(let receipt) = result, !receipt.isReplay, receipt.entry == entry else {
                throw CopyError(.differs, context: ["what": "journal entry", "sequence": "\(entry.sequence)"], details: "\(result)")
            }
        }
    }
}
