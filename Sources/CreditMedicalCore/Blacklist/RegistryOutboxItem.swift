/// A push waiting in the arrears store's outbox, with how sending it went so far.
public struct RegistryOutboxItem: Sendable, Hashable {
    public let push: RegistryPush
    /// How many attempts to send it failed.
    public let failedAttempts: Int
    /// The error code of the last failed attempt, if any.
    public let lastFailure: String?

    public init(push: RegistryPush, failedAttempts: Int = 0, lastFailure: String? = nil) {
        self.push = push
        self.failedAttempts = failedAttempts
        self.lastFailure = lastFailure
    }
}

/// One attempt to send a push: delivered, or failed with an error code.
public struct RegistryPushAttempt: Sendable, Hashable {
    public let id: AdapterRequestID
    public let at: Timestamp
    /// The error code of a failed attempt; `nil` when the registry took the push.
    public let failure: String?

    public init(id: AdapterRequestID, at: Timestamp, failure: String?) {
        self.id = id
        self.at = at
        self.failure = failure
    }
}
