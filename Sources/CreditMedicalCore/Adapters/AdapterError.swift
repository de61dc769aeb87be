/// A call to an outside party (insurer, bank) that did not give an answer to rely on.
public typealias AdapterError = DomainError<AdapterErrorDomain>

/// The domain of ``AdapterError``: its codes are static members of `AdapterError.Code`.
public enum AdapterErrorDomain: ErrorDomain {
    public static let generalSentence = "Adapter error."
}

extension AdapterError.Code {
    /// No answer in time: the request may or may not have been applied; retry with the same id.
    public static let timeout = Self("adapter.timeout", "The party did not answer in time; retry with the same request id.")
    /// The party refused or could not be reached; nothing was applied.
    public static let unavailable = Self("adapter.unavailable", "The party could not be reached or refused; nothing was applied.")
    /// A reversal names a settlement or claim the party does not know.
    public static let unknownSettlement = Self("adapter.unknown_settlement", "The party does not know this settlement or claim.")
}
