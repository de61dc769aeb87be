import Synchronization

/// Runs `body` for every index below `count` from `callers` concurrent tasks, each taking the
/// next index not taken yet; returns when all are done or one throws.
func concurrently(callers: Int, count: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
    let counter = IndexCounter()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<callers {
            group.addTask {
                while true {
                    let index = counter.take()
                    guard index < count else { return }
                    try await body(index)
                }
            }
        }
        try await group.waitForAll()
    }
}

/// Hands out indexes to concurrent callers.
private final class IndexCounter: Sendable {
    private let next = Atomic<Int>(0)

    func take() -> Int { next.wrappingAdd(1, ordering: .relaxed).oldValue }
}
