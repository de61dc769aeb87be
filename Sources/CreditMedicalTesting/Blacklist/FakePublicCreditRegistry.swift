public import CreditMedicalCore
import Synchronization

/// A public credit registry fake (公共信用信息平台): applies each push once per request id, keeps
/// the listings of every institution apart, and answers a subject's listings that no lifting
/// ended. Thread-safe: two SDK instances (two hospitals, two cities) share one to see each
/// other's listings. Tell it to fail with ``inject(_:)``; faults act on pushes and lookups alike.
public final class FakePublicCreditRegistry: PublicCreditRegistry {
    private struct State: FaultInjectable {
        var pushes = RequestLog<RegistryPush>()
        /// Listings by `INSTITUTION/ENTRY`, and those keys in the order first listed.
        var listings: [String: RegistryListing] = [:]
        var order: [String] = []
        var lifted: Set<String> = []
        var lookups = 0
        var faults = FaultPlan()
    }

    private let state = Mutex(State())

    public init() {}

    /// Queues a fault for the next calls, one call each.
    public func inject(_ faults: FakeFault...) {
        state.withLock { $0.faults.pending += faults }
    }

    /// How many pushes changed the registry (replays and failures excluded).
    public var appliedCount: Int { state.withLock { $0.faults.applied } }

    /// The pushes the registry booked, in order, one per request id: what its books show.
    public var pushes: [RegistryPush] { state.withLock { $0.pushes.inOrder } }

    /// How many times the registry booked request `id`: 0 or 1.
    public func bookings(of id: AdapterRequestID) -> Int { state.withLock { $0.pushes[id] == nil ? 0 : 1 } }

    /// How many times ``listings(of:)`` was asked, faults included.
    public var lookups: Int { state.withLock { $0.lookups } }

    public func push(_ push: RegistryPush) async throws {
        try state.call { state in
            guard state.pushes.book(push, as: push.id) else { return }
            state.faults.applied += 1
            let key = push.listingKey
            switch push.change {
            case .listing(let listing):
                guard !state.lifted.contains(key), state.listings[key] == nil else { return }
                state.listings[key] = listing
                state.order.append(key)
            case .lifting:
                state.lifted.insert(key)
                state.listings[key] = nil
            }
        }
    }

    public func listings(of subject: ArrearsSubject) async throws -> [RegistryListing] {
        state.withLock { $0.lookups += 1 }
        return try state.call { state in state.order.compactMap { state.listings[$0] }.filter { $0.subject == subject } }
    }
}
