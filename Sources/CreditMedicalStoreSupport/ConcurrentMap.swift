import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map(transform)` on every core at once when there are at least `minimumCount` elements
    /// (encoding a batch of records as JSON, say), in order; throws the first error of the
    /// lowest-indexed chunk that failed.
    package func concurrentMap<T: Sendable>(minimumCount: Int = 512, _ transform: @Sendable (Element) throws -> T) throws -> [T] {
        let chunks = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(minimumCount / 2, 1))
        guard chunks > 1 else { return try map(transform) }
        let size = (count + chunks - 1) / chunks
        let results = Mutex<[Int: Result<[T], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let part = self[(chunk * size)..<Swift.min((chunk + 1) * size, count)]
            let result = Result { try part.map(transform) }
            results.withLock { $0[chunk] = result }
        }
        return try results.withLock { results in try (0..<chunks).flatMap { try results[$0]?.get() ?? [] } }
    }
}
