/// An area of the SDK whose errors are ``DomainError``s: the ledger, billing, an outside party, a
/// copy, a store. A domain is an empty enum; its codes, each with its sentence, are static members
/// of its `DomainError<Domain>.Code`, added in an extension.
public protocol ErrorDomain: Sendable {
    /// The sentence of a code this version does not know (one made from its raw value alone).
    static var generalSentence: String { get }
}

/// An error of one domain: ``LedgerError``, ``AdapterError``, ``CopyError``, `BillingError` and
/// `PostgresStoreError` are its kinds, each with codes of its own.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public struct DomainError<Domain: ErrorDomain>: CodedError {
    /// A stable, machine-readable code with its sentence. New codes may be added in later
    /// versions. Two codes are the same when their raw values are.
    public struct Code: ErrorCode {
        public let rawValue: String
        public let sentence: String

        /// A code with `rawValue` and the domain's general sentence.
        public init(rawValue: String) {
            self.init(rawValue, Domain.generalSentence)
        }

        /// The code `rawValue`, which means `sentence`.
        public init(_ rawValue: String, _ sentence: String) {
            self.rawValue = rawValue
            self.sentence = sentence
        }

        public static func == (left: Code, right: Code) -> Bool { left.rawValue == right.rawValue }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    }

    public let code: Code
    /// Facts free of personal data that locate the cause: a field, a rule, a limit, a party, a
    /// host, an SQLSTATE.
    public let context: [String: String]
    /// Identifiers, amounts and outside parties' messages, for `debugDescription` only.
    public let details: String

    public init(_ code: Code, context: [String: String] = [:], details: String = "") {
        self.code = code
        self.context = context
        self.details = details
    }
}
