/// What one run of ``ArrearsList/pushPending(limit:)`` did.
public struct RegistryPushReport: Sendable, Hashable {
    /// The pushes the registry took, in order.
    public internal(set) var delivered: [AdapterRequestID] = []
    /// The pushes that failed, with the error code; they stay in the outbox for the next run.
    public internal(set) var failed: [AdapterRequestID: String] = [:]
    /// Pushes held back because an earlier push about the same listing failed in this run, so the
    /// registry never sees a lifting before its listing.
    public internal(set) var deferred: [AdapterRequestID] = []

    public init() {}
}
