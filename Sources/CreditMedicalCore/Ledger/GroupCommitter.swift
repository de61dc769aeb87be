import Dispatch
import Synchronization

/// Coalesces concurrent submissions into batches and runs them one at a time on a writer queue.
final class GroupCommitter: Sendable {
    private struct Waiter {
        let requests: [LedgerRequest]
        let continuation: CheckedContinuation<[LedgerResult], any Error>
    }

    private struct Queue {
        var waiters: [Waiter] = []
        var draining = false
        var lastTime = Timestamp.distantPast
    }

    private let store: any LedgerStore
    private let clock: any Clock
    private let queue = Mutex(Queue())
    private let writer = DispatchQueue(label: "creditmedical.ledger.writer", qos: .userInitiated)
    /// Flushes each written batch and answers its callers, in order, while the writer goes on.
    private let syncer = DispatchQueue(label: "creditmedical.ledger.syncer", qos: .userInitiated)

    init(store: any LedgerStore, clock: any Clock) {
        self.store = store
        self.clock = clock
    }

    func submit(_ requests: [LedgerRequest]) async throws -> [LedgerResult] {
        guard !requests.isEmpty else { return [] }
        guard requests.count <= LedgerLimits.maximumBatchSize else {
            throw LedgerError(.batchTooLarge, details: "\(requests.count) commands")
        }
        return try await withCheckedThrowingContinuation { continuation in
            let startWriter = queue.withLock { queue in
                queue.waiters.append(Waiter(requests: requests, continuation: continuation))
                defer { queue.draining = true }
                return !queue.draining
            }
            if startWriter { writer.async { self.drain() } }
        }
    }

    /// Runs batches until nobody is waiting.
    private func drain() {
        while let (group, now) = nextGroup() {
            let batch = group.count == 1 ? group[0].requests : group.flatMap(\.requests)
            let outcome = Result {
                try store.transact(loading: LedgerStateKeys(for: batch)) { state in
                    LedgerStateMachine.apply(batch, to: &state, at: now)
                }
            }
            syncer.async { [store] in
                Self.answer(group, with: outcome.flatMap { results in Result { try store.flush(); return results } })
            }
        }
    }

    /// Hands each waiter its part of the batch's results, or the batch's error.
    private static func answer(_ group: [Waiter], with outcome: Result<[LedgerResult], any Error>) {
        switch outcome {
        case .success(let all):
            var results = all[...]
            for waiter in group {
                waiter.continuation.resume(returning: Array(results.prefix(waiter.requests.count)))
                results = results.dropFirst(waiter.requests.count)
            }
        case .failure(let error):
            for waiter in group { waiter.continuation.resume(throwing: error) }
        }
    }

    /// Takes the waiters that fit into one batch, with the batch's time (never earlier than the
    /// previous batch's); `nil` when the queue is empty.
    private func nextGroup() -> ([Waiter], Timestamp)? {
        let now = clock.now()
        return queue.withLock { queue in
            guard !queue.waiters.isEmpty else {
                queue.draining = false
                return nil
            }
            var count = 0
            var taken = 0
            for waiter in queue.waiters {
                if taken > 0 && count + waiter.requests.count > LedgerLimits.maximumBatchSize { break }
                count += waiter.requests.count
                taken += 1
            }
            let group = Array(queue.waiters.prefix(taken))
            queue.waiters.removeFirst(taken)
            queue.lastTime = max(queue.lastTime, now)
            return (group, queue.lastTime)
        }
    }
}
