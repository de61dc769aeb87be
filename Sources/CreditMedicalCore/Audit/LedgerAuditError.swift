/// The auditor could not read a consistent view: the store changed during every attempt.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public struct LedgerAuditError: CodedError {
    /// A stable, machine-readable code.
    public struct Code: ErrorCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The ledger changed during each of the auditor's reads.
        public static let storeKeptChanging = Self(rawValue: "audit.store_kept_changing")

        public var sentence: String {
            self == .storeKeptChanging ? "The ledger changed during each read; audit when it is quieter." : "Audit error."
        }
    }

    /// How many times the auditor read the store.
    public let attempts: Int

    public init(attempts: Int) { self.attempts = attempts }

    public var code: Code { .storeKeptChanging }
    public var context: [String: String] { ["attempts": "\(attempts)"] }
    public var details: String { "" }
}
