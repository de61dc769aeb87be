/// Copies the receivables of one store into another, empty one, after the ledger they reflect
/// was copied (``LedgerCopier`` keeps the journal's sequence numbers): every receivable with its
/// collection progress, the journal position, each receivable's collection events and the
/// write-off records; then reads them back from the target. Used by `credit-medical copy`.
public struct ReceivableCopier: Sendable {
    public let source: any ReceivableStore
    public let target: any ReceivableStore

    public init(source: any ReceivableStore, target: any ReceivableStore) {
        self.source = source
        self.target = target
    }

    /// What a copy copied.
    public struct Counts: Sendable, Hashable {
        public var receivables = 0
        public var collectionEvents = 0
        public var writeOffs = 0
    }

    /// Throws `CopyError.Code.targetNotEmpty` unless the target holds no receivable, position or
    /// write-off.
    public func requireEmpty() throws {
        guard try target.position() == 0, try target.receivables(after: nil, limit: 1).isEmpty,
              try target.writeOffs(after: 0, limit: 1).records.isEmpty
        else { throw CopyError(.targetNotEmpty, context: ["what": "receivables"]) }
    }

    /// Copies everything, `pageSize` receivables at a time; `CopyError.Code.differs` when what
    /// the target answers is not what the source does.
    @discardableResult
    public func copy(pageSize: Int = 1_000) throws -> Counts {
        try requireEmpty()
        var counts = Counts()
        let position = try source.position()
        var (after, from): (HoldID?, Int64) = (nil, 0)
        while true {
            let page = try source.receivables(after: after, limit: pageSize)
            try target.advance(from: from, to: position, saving: page)
            from = position
            var events: [CollectionEvent] = []
            for receivable in page { events += try source.collectionEvents(of: receivable.hold) }
            try target.saveCollection([], events: events)
            guard try target.receivables(after: after, limit: pageSize) == page,
                  try page.flatMap({ try target.collectionEvents(of: $0.hold) }) == events
            else { throw CopyError(.differs, context: ["what": "receivables"], details: "after \(after?.rawValue ?? "the start")") }
            (counts.receivables, counts.collectionEvents) = (counts.receivables + page.count, counts.collectionEvents + events.count)
            guard page.count == pageSize, let last = page.last else { break }
            after = last.hold
        }
        guard try target.position() == position else { throw CopyError(.differs, context: ["what": "receivable_position"]) }
        counts.writeOffs = try HistoryCopier(name: "write_offs", source: source.writeOffs, target: target.writeOffs,
                                             append: target.recordWriteOffs).copy()
        return counts
    }
}
