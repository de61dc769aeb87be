/// One recorded step of an arrears entry: listed, an appeal submitted, its review started, its
/// decision, the removal after repayment. Steps are kept once each and never changed: an entry's
/// state and history are read from them (``ArrearsEntry/init(events:)``).
public struct ArrearsEvent: Sendable, Hashable, Codable {
    /// What happened.
    public enum Change: Sendable, Hashable, Codable {
        /// The patient was listed.
        case listed(ArrearsListing)
        /// The patient (or an agent) appealed against the entry (申诉).
        case appealed(ArrearsAppeal)
        /// A reviewer took the appeal up.
        case reviewStarted(appeal: ArrearsAppealID, reviewer: String)
        /// The reviewer decided: the entry stands (upheld) or is revoked.
        case decided(ArrearsDecision)
        /// The entry was removed after full repayment and the cooling period (信用修复).
        case removed(CreditRepair)

        /// The step's name, unique within an entry: `listed`, `appealed/APPEAL`, `review/APPEAL`,
        /// `decided/APPEAL` or `removed`.
        public var name: String {
            switch self {
            case .listed: "listed"
            case .appealed(let appeal): "appealed/\(appeal.id.rawValue)"
            case .reviewStarted(let appeal, _): "review/\(appeal.rawValue)"
            case .decided(let decision): "decided/\(decision.appeal.rawValue)"
            case .removed: "removed"
            }
        }

        /// Whether `other`, a step of the same name, is the same request made again: equal, except
        /// for a removal, whose repair record says when it was made.
        func repeats(_ other: Change) -> Bool {
            if case .removed = self, case .removed = other { return true }
            return self == other
        }
    }

    /// The entry the step belongs to.
    public let entry: ArrearsEntryID
    public let at: Timestamp
    public let change: Change

    public init(entry: ArrearsEntryID, at: Timestamp, change: Change) {
        self.entry = entry
        self.at = at
        self.change = change
    }
}
