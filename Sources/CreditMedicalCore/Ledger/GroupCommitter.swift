package import Dispatch
package import Synchronization

/// Coalesces concurrent submissions into batches and commits them one at a time on a writer
/// queue (group commit): while one batch is being written, new submissions queue up and go
/// together into the next one, so one storage transaction and one flush serve many callers.
///
/// `commit` gets the batch (the submissions in order, concatenated) and its time, never earlier
/// than the previous batch's, and returns one answer per item. `flush` makes what was committed
/// durable; it runs on a second queue while the writer goes on, one flush for every batch
/// committed since the previous flush began, and callers are answered only after it. When
/// either throws, every caller of the batch gets the error.
package final class GroupCommitter<Work: Sendable, Answer: Sendable>: Sendable {
    @usableFromInline struct Waiter {
        @usableFromInline let work: [Work]
        @usableFromInline let continuation: CheckedContinuation<[Answer], any Error>
    }

    @usableFromInline struct Queue {
        @usableFromInline var waiters: [Waiter] = []
        @usableFromInline var draining = false
        @usableFromInline var lastTime = Timestamp.distantPast
    }

    /// Batches committed and not yet flushed, and whether the syncer is at work.
    @usableFromInline struct Unflushed {
        @usableFromInline var batches: [(group: [Waiter], outcome: Result<[Answer], any Error>)] = []
        @usableFromInline var flushing = false
    }

    @usableFromInline let maximumBatchSize: Int
    @usableFromInline let clock: any TimeSource
    @usableFromInline let commit: @Sendable ([Work], Timestamp) throws -> [Answer]
    @usableFromInline let flush: @Sendable () throws -> Void
    @usableFromInline let queue = Mutex(Queue())
    @usableFromInline let unflushed = Mutex(Unflushed())
    @usableFromInline let writer: DispatchQueue
    @usableFromInline let syncer: DispatchQueue

    package init(
        label: String, maximumBatchSize: Int, clock: any TimeSource,
        commit: @escaping @Sendable ([Work], Timestamp) throws -> [Answer], flush: @escaping @Sendable () throws -> Void
    ) {
        self.maximumBatchSize = maximumBatchSize
        self.clock = clock
        self.commit = commit
        self.flush = flush
        self.writer = DispatchQueue(label: "creditmedical.\(label).writer", qos: .userInitiated)
        self.syncer = DispatchQueue(label: "creditmedical.\(label).syncer", qos: .userInitiated)
    }

    /// Commits `work` with other callers' work and returns its answers once they are durable.
    @inlinable package func submit(_ work: [Work]) async throws -> [Answer] {
        guard !work.isEmpty else { return [] }
        return try await withCheckedThrowingContinuation { continuation in
            let startWriter = queue.withLock { queue in
                queue.waiters.append(Waiter(work: work, continuation: continuation))
                defer { queue.draining = true }
                return !queue.draining
            }
            if startWriter { writer.async { self.drain() } }
        }
    }

    /// Runs batches until nobody is waiting.
    @inlinable func drain() {
        while let (group, now) = nextGroup() {
            let batch = group.count == 1 ? group[0].work : group.flatMap { $0.work }
            let outcome = Result { try commit(batch, now) }
            let startSyncer = unflushed.withLock { unflushed in
                unflushed.batches.append((group, outcome))
                defer { unflushed.flushing = true }
                return !unflushed.flushing
            }
            if startSyncer { syncer.async { self.flushCommitted() } }
        }
    }

    /// Flushes once for all batches committed so far and answers their callers, until none is left.
    @inlinable func flushCommitted() {
        while true {
            let batches = unflushed.withLock { unflushed in
                defer { unflushed.batches = [] }
                if unflushed.batches.isEmpty { unflushed.flushing = false }
                return unflushed.batches
            }
            guard !batches.isEmpty else { return }
            let flushed = Result { try flush() }
            for (group, outcome) in batches {
                Self.answer(group, with: outcome.flatMap { answers in flushed.map { answers } })
            }
        }
    }

    /// Hands each waiter its part of the batch's answers, or the batch's error.
    @inlinable static func answer(_ group: [Waiter], with outcome: Result<[Answer], any Error>) {
        switch outcome {
        case .success(let all):
            var answers = all[...]
            for waiter in group {
                waiter.continuation.resume(returning: Array(answers.prefix(waiter.work.count)))
                answers = answers.dropFirst(waiter.work.count)
            }
        case .failure(let error):
            for waiter in group { waiter.continuation.resume(throwing: error) }
        }
    }

    /// Takes the waiters that fit into one batch, with the batch's time (never earlier than the
    /// previous batch's); `nil` when the queue is empty.
    @inlinable func nextGroup() -> ([Waiter], Timestamp)? {
        let now = clock.now()
        return queue.withLock { queue in
            guard !queue.waiters.isEmpty else {
                queue.draining = false
                return nil
            }
            var count = 0
            var taken = 0
            for waiter in queue.waiters {
                if taken > 0 && count + waiter.work.count > maximumBatchSize { break }
                count += waiter.work.count
                taken += 1
            }
            let group = Array(queue.waiters.prefix(taken))
            queue.waiters.removeFirst(taken)
            queue.lastTime = max(queue.lastTime, now)
            return (group, queue.lastTime)
        }
    }
}
