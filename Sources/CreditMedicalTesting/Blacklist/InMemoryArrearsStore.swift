public import CreditMedicalCore
import Synchronization

/// An `ArrearsStore` in memory, for tests and examples: the entries' steps and the outbox of
/// registry pushes.
public final class InMemoryArrearsStore: ArrearsStore {
    private struct Queued {
        var push: RegistryPush
        var failedAttempts = 0
        var lastFailure: String?
        var delivered = false
    }

    private struct Outbox {
        var order: [AdapterRequestID] = []
        var queued: [AdapterRequestID: Queued] = [:]
    }

    private let history = InMemoryHistory<ArrearsEvent>(id: { "\($0.entry.rawValue)/\($0.change.name)" }, owner: \.entry.rawValue,
                                                        time: { _ in Timestamp(millisecondsSince1970: 0) })  // in the order recorded
    private let outbox = Mutex(Outbox())

    public init() {}

    @discardableResult
    public func append(_ events: [ArrearsEvent], pushes: [RegistryPush]) throws -> Set<ArrearsEntryID> {
        let kept = Set(history.append(events).map(\.entry))
        guard kept.isEmpty else { return kept }
        outbox.withLock { outbox in
            for push in pushes where outbox.queued[push.id] == nil {
                outbox.queued[push.id] = Queued(push: push)
                outbox.order.append(push.id)
            }
        }
        return kept
    }

    public func events(of entry: ArrearsEntryID) throws -> [ArrearsEvent] { history.records(of: entry.rawValue) }

    public func entries(ofPatient patient: String) throws -> [ArrearsEntryID] { listed { $0.patient == patient } }

    public func entries(ofSubject subject: ArrearsSubject) throws -> [ArrearsEntryID] { listed { $0.subject == subject } }

    public func entries(onLine line: CreditLineID) throws -> [ArrearsEntryID] { listed { $0.line == line } }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ArrearsEvent> { history.page(after: after, limit: limit) }

    public func pendingPushes(limit: Int) throws -> [RegistryOutboxItem] {
        outbox.withLock { outbox in
            outbox.order.compactMap { outbox.queued[$0] }.filter { !$0.delivered }.prefix(max(limit, 0)).map {
                RegistryOutboxItem(push: $0.push, failedAttempts: $0.failedAttempts, lastFailure: $0.lastFailure)
            }
        }
    }

    public func recordAttempts(_ attempts: [RegistryPushAttempt]) throws {
        outbox.withLock { outbox in
            for attempt in attempts where outbox.queued[attempt.id]?.delivered == false {
                if let failure = attempt.failure {
                    outbox.queued[attempt.id]?.failedAttempts += 1
                    outbox.queued[attempt.id]?.lastFailure = failure
                } else {
                    outbox.queued[attempt.id]?.delivered = true
                }
            }
        }
    }

    /// The entries whose listing matches, in the order listed.
    private func listed(_ matches: (ArrearsListing) -> Bool) -> [ArrearsEntryID] {
        history.page(after: 0, limit: .max).records.compactMap { event in
            if case .listed(let listing) = event.change, matches(listing) { listing.entry } else { nil }
        }
    }
}
