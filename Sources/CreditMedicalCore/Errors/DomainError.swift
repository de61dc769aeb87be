/// An area of the SDK whose errors are ``DomainError``s: the ledger, billing, an outside party, a
/// copy, a store. A domain is an empty enum that says what its codes mean; the codes themselves
/// are static members of its `DomainError<Domain>.Code`, added in an extension.
public protocol ErrorDomain: Sendable {
    /// The sentence for `code`, free of personal data; a general one for a code this version
    /// does not know.
    static func sentence(for code: DomainError<Self>.Code) -> String
}

/// An error of one domain: ``LedgerError``, ``AdapterError``, ``CopyError``, `BillingError` and
/// `PostgresStoreError` are its kinds, each with codes of its own.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public struct DomainError<Domain: ErrorDomain>: CodedError {
    /// A stable, machine-readable code. New codes may be added in later versions.
    public struct Code: ErrorCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public var sentence: String { Domain.sentence(for: self) }
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
