/// Keeps every consent event, the history of each patient's signatures and cancellations.
///
/// Conforming types MUST keep events durably once ``append(_:)`` returns, all of a batch or,
/// when it throws, none; keep the first event of an id (appending it again changes nothing); and
/// answer ``events(of:)`` oldest first (by time, then in the order appended).
public protocol ConsentStore: Sendable {
    /// Records `events` in order, except those whose id is recorded already.
    func append(_ events: [ConsentEvent]) throws
    /// The event `id`, if any.
    func event(id: String) throws -> ConsentEvent?
    /// Every event of `patient`, oldest first.
    func events(of patient: String) throws -> [ConsentEvent]
    /// Up to `limit` events recorded after position `after` (0 for the first), in the order
    /// recorded.
    func page(after: Int64, limit: Int) throws -> HistoryPage<ConsentEvent>
}
