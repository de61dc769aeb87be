import Synchronization

/// A flag a cancelled task raises for a thread that waits in slices to notice.
package final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    package init() {}

    package var isRaised: Bool { raised.load(ordering: .relaxed) }

    package func raise() { raised.store(true, ordering: .relaxed) }
}
