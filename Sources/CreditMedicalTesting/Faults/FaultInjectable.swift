import Synchronization

/// A fake's state that carries the faults it still has to act out.
protocol FaultInjectable {
    var faults: FaultPlan { get set }
}

extension Mutex where Value: FaultInjectable & Sendable {
    /// Runs one call of a fake under the lock, acting out the next injected fault around `body`.
    func call<Answer: Sendable>(_ body: (inout Value) throws -> Answer) throws -> Answer {
        try withLock { value in try FaultPlan.act(value.faults.next()) { try body(&value) } }
    }
}
