/// Copies the arrears list of one store into another, empty one: every step of every entry in the
/// order recorded (read back from the target), then the registry pushes not delivered yet, which
/// go on waiting in the target's outbox (their failed attempts are not carried over; delivered
/// pushes stay delivered). Used by `credit-medical copy`.
public struct ArrearsCopier: Sendable {
    public let source: any ArrearsStore
    public let target: any ArrearsStore

    public init(source: any ArrearsStore, target: any ArrearsStore) {
        self.source = source
        self.target = target
    }

    private var steps: HistoryCopier<ArrearsEvent> {
        let target = target
        return HistoryCopier(name: "arrears_events", source: source.page, target: target.page, append: { try target.append($0, pushes: []) })
    }

    /// Throws `CopyError.Code.targetNotEmpty` unless the target holds no step and no push.
    public func requireEmpty() throws {
        try steps.requireEmpty()
        guard try target.pendingPushes(limit: 1).isEmpty else { throw CopyError(.targetNotEmpty, context: ["what": "registry_outbox"]) }
    }

    /// Copies the steps and the pending pushes; returns how many of each.
    @discardableResult
    public func copy() throws -> (steps: Int, pendingPushes: Int) {
        try requireEmpty()
        let steps = try steps.copy()
        let pending = try source.pendingPushes(limit: .max).map(\.push)
        try target.append([], pushes: pending)
        guard try target.pendingPushes(limit: .max).map(\.push) == pending else {
            throw CopyError(.differs, context: ["what": "registry_outbox"])
        }
        return (steps, pending.count)
    }
}
