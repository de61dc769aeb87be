/// A call to an outside party (insurer, bank) that did not give an answer to rely on.
public typealias AdapterError = DomainError<AdapterErrorDomain>

/// What ``AdapterError``'s codes mean.
public enum AdapterErrorDomain: ErrorDomain {
    public static func sentence(for code: AdapterError.Code) -> String { code.domainSentence }
}

extension AdapterError.Code {
    /// No answer in time: the request may or may not have been applied; retry with the same id.
    public static let timeout = Self(rawValue: "adapter.timeout")
    /// The party refused or could not be reached; nothing was applied.
    public static let unavailable = Self(rawValue: "adapter.unavailable")
    /// A reversal names a settlement or claim the party does not know.
    public static let unknownSettlement = Self(rawValue: "adapter.unknown_settlement")

    var domainSentence: String {
        switch self {
        case .timeout: "The party did not answer in time; retry with the same request id."
        case .unavailable: "The party could not be reached or refused; nothing was applied."
        case .unknownSettlement: "The party does not know this settlement or claim."
        default: "Adapter error."
        }
    }
}
