public import CreditMedicalCore

/// The id of one call to an outside party (insurer, bank). An adapter MUST answer a repeated
/// request id with the first answer and apply it once, so a call that timed out can be retried.
public struct AdapterRequestID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A call to an outside party that did not give an answer to rely on.
public struct AdapterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable code.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No answer in time: the request may or may not have been applied; retry with the same id.
        public static let timeout = Self(rawValue: "adapter.timeout")
        /// The party refused or could not be reached; nothing was applied.
        public static let unavailable = Self(rawValue: "adapter.unavailable")
        /// A reversal names a settlement or claim the party does not know.
        public static let unknownSettlement = Self(rawValue: "adapter.unknown_settlement")
    }

    public let code: Code
    /// What the party said, for engineers; free of personal data.
    public let details: String

    public init(_ code: Code, details: String = "") {
        self.code = code
        self.details = details
    }

    public var description: String { details.isEmpty ? code.rawValue : "\(code.rawValue) [\(details)]" }
}
