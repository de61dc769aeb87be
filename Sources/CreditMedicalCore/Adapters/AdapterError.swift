/// A call to an outside party (insurer, bank) that did not give an answer to rely on.
public struct AdapterError: CodedError {
    /// A stable, machine-readable code.
    public struct Code: ErrorCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// No answer in time: the request may or may not have been applied; retry with the same id.
        public static let timeout = Self(rawValue: "adapter.timeout")
        /// The party refused or could not be reached; nothing was applied.
        public static let unavailable = Self(rawValue: "adapter.unavailable")
        /// A reversal names a settlement or claim the party does not know.
        public static let unknownSettlement = Self(rawValue: "adapter.unknown_settlement")

        public var sentence: String {
            switch self {
            case .timeout: "The party did not answer in time; retry with the same request id."
            case .unavailable: "The party could not be reached or refused; nothing was applied."
            case .unknownSettlement: "The party does not know this settlement or claim."
            default: "Adapter error."
            }
        }
    }

    public let code: Code
    /// Which party and call failed, free of personal data.
    public let context: [String: String]
    /// What the party said, for engineers.
    public let details: String

    public init(_ code: Code, context: [String: String] = [:], details: String = "") {
        self.code = code
        self.context = context
        self.details = details
    }
}
