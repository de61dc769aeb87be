import CreditMedicalCore
import Synchronization

/// Runs the desk's operations on one encounter one at a time, in arrival order, while
/// operations on different encounters run concurrently.
final class EncounterSerializer: Sendable {
    private let waiting = Mutex<[EncounterID: [CheckedContinuation<Void, Never>]]>([:])

    func run<Result>(_ id: EncounterID, _ body: () async throws -> Result) async throws -> Result {
        await acquire(id)
        defer { release(id) }
        return try await body()
    }

    private func acquire(_ id: EncounterID) async {
        let free = waiting.withLock { waiting in
            guard waiting[id] == nil else { return false }
            waiting[id] = []
            return true
        }
        if free { return }
        await withCheckedContinuation { continuation in
            let free = waiting.withLock { waiting in
                guard waiting[id] != nil else {
                    waiting[id] = []
                    return true
                }
                waiting[id]?.append(continuation)
                return false
            }
            if free { continuation.resume() }
        }
    }

    /// Hands the encounter to the next waiter, or frees it.
    private func release(_ id: EncounterID) {
        let next = waiting.withLock { waiting -> CheckedContinuation<Void, Never>? in
            guard var queue = waiting[id], !queue.isEmpty else {
                waiting[id] = nil
                return nil
            }
            let next = queue.removeFirst()
            waiting[id] = queue
            return next
        }
        next?.resume()
    }
}
