/// Records of a history store (score records, consent events, enrollment steps) in the order
/// recorded, a page at a time: what copying a store reads.
public struct HistoryPage<Record: Sendable>: Sendable {
    public let records: [Record]
    /// The position of the last record, where the next page starts after; `nil` for an empty page.
    public let last: Int64?

    public init(records: [Record], last: Int64?) {
        self.records = records
        self.last = last
    }

    /// The page of `records` (in the order recorded, a record's position its place from 1) after
    /// position `after`: how a store that keeps its records in an array pages them.
    public init(slicing records: [Record], after: Int64, limit: Int) {
        let start = min(max(Int(clamping: after), 0), records.count)
        let end = start + min(max(limit, 0), records.count - start)
        self.init(records: Array(records[start..<end]), last: end > start ? Int64(end) : nil)
    }
}
