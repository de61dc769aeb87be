/// Keeps every consent event, the history of each patient's signatures and cancellations.
///
/// Conforming types MUST keep an event durably once ``append(_:)`` returns; keep the first event
/// of an id (appending it again changes nothing); and answer ``events(of:)`` oldest first (by
/// time, then in the order appended).
public protocol ConsentStore: Sendable {
    func append(_ event: ConsentEvent) throws
    /// The event `id`, if any.
    func event(id: String) throws -> ConsentEvent?
    /// Every event of `patient`, oldest first.
    func events(of patient: String) throws -> [ConsentEvent]
}
