extension ArrearsList {
    /// Removes a standing entry once its line owes nothing and the cooling period has passed since
    /// it was repaid in full (or since the listing, when that was later): records the credit
    /// repair (``CreditRepair``), lifts the freeze unless another entry on the line stands, queues
    /// the lifting for the registry and tells the patient. Removing a removed entry returns it.
    ///
    /// What the line owes is its `outstanding`: a member line's own debt, and for a guarantor
    /// line also its members', which it guarantees. Throws `blacklist.balance_remains` with the
    /// `outstanding` fen while the line owes anything, and `blacklist.cooling_period` with the
    /// `cooling_days`, `repaid_at` and `removable_at` before the period has passed; a revoked
    /// entry is `blacklist.invalid_transition`.
    @discardableResult
    public func remove(_ id: ArrearsEntryID) async throws -> ArrearsEntry {
        guard let current = try entry(id) else { throw ArrearsError(.entryNotFound, details: "entry \(id)") }
        guard current.state != .removed else {
            try await release(current)
            try await notices?.send(ArrearsNotices.removed(current))
            return current
        }
        guard current.isInForce else {
            throw ArrearsError(.invalidTransition, context: ["state": current.state.rawValue, "step": "remove"], details: "entry \(id)")
        }
        let lineID = current.listing.line
        guard let line = try ledger.line(lineID) else {
            throw ArrearsError(.lineNotFound, context: ["line": lineID.rawValue], details: "entry \(id)")
        }
        guard line.outstanding == .zero else {
            throw ArrearsError(.balanceRemains, context: ["outstanding": "\(line.outstanding.fen)"], details: "entry \(id), line \(lineID)")
        }
        let repaidAt = max(try lastOutstandingChange(of: line) ?? current.listedAt, current.listedAt)
        let cooling = Int64(configuration.coolingDays).multipliedReportingOverflow(by: 86_400)
        let removableAt = cooling.overflow ? Timestamp.distantFuture : repaidAt.adding(seconds: cooling.partialValue)
        guard now >= removableAt else {
            throw ArrearsError(.coolingPeriod, context: [
                "cooling_days": "\(configuration.coolingDays)", "repaid_at": "\(repaidAt.millisecondsSince1970)",
                "removable_at": "\(removableAt.millisecondsSince1970)",
            ], details: "entry \(id), line \(lineID)")
        }
        let removed = try record(.removed(CreditRepair(line: lineID, repaidAt: repaidAt, coolingDays: configuration.coolingDays)), on: id)
        try await release(removed)
        try await notices?.send(ArrearsNotices.removed(removed))
        return removed
    }

    /// When `line`'s credit was last repaired: the latest removal of an entry on it; `nil` when
    /// none was removed. This is the line's `RepaymentRecord.repairedAt`.
    public func repairedAt(line: CreditLineID) throws -> Timestamp? {
        try ArrearsInput.check(line, "line")
        return try store.entries(onLine: line).compactMap { try entry($0)?.removedAt }.max()
    }

    /// `record` with its ``RepaymentRecord/repairedAt`` the later of its own and the line's
    /// latest repair: what a review of the line reads, so ``ReviewPolicy`` puts a repaired line
    /// on probation.
    public func repaymentRecord(_ record: RepaymentRecord, of line: CreditLineID) throws -> RepaymentRecord {
        var record = record
        if let repaired = try repairedAt(line: line), record.repairedAt.map({ $0 < repaired }) ?? true { record.repairedAt = repaired }
        return record
    }

    /// When `line`'s outstanding amount last changed: the latest journal entry of the line, or of
    /// one of its member lines, that moved it. With nothing outstanding now, that change repaid
    /// it in full.
    private func lastOutstandingChange(of line: CreditLine) throws -> Timestamp? {
        let lines = [line.id] + (try ledger.memberLines(of: line.id).map(\.id))
        var latest: Timestamp?
        for id in lines {
            var after: Int64 = 0
            while true {
                let page = try ledger.journal(for: id, after: after, limit: 1_000)
                for entry in page where entry.outstandingDelta != .zero { latest = max(latest ?? entry.timestamp, entry.timestamp) }
                guard let last = page.last, page.count == 1_000 else { break }
                after = last.sequence
            }
        }
        return latest
    }
}
