extension ArrearsStore {
    /// The lines with an entry standing (listed, or upheld on appeal): what a report counts. Reads
    /// every event, a page at a time.
    public func linesWithStandingEntries(pageSize: Int = 10_000) throws -> Set<CreditLineID> {
        var events: [ArrearsEntryID: [ArrearsEvent]] = [:]
        var after: Int64 = 0
        while true {
            let page = try page(after: after, limit: pageSize)
            for event in page.records { events[event.entry, default: []].append(event) }
            guard let last = page.last else { break }
            after = last
        }
        return Set(events.values.compactMap { ArrearsEntry(events: $0) }.filter(\.isInForce).map(\.listing.line))
    }
}
