/// A ledger could not be copied by ``LedgerCopier``; nothing after the entry it names was copied.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public struct LedgerCopyError: CodedError {
    /// A stable, machine-readable code.
    public struct Code: ErrorCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The target's journal is not empty.
        public static let targetNotEmpty = Self(rawValue: "ledger_copy.target_not_empty")
        /// A replayed entry differs from the source's; the context names its `sequence`.
        public static let entryDiffers = Self(rawValue: "ledger_copy.entry_differs")

        public var sentence: String {
            switch self {
            case .targetNotEmpty: "The target ledger is not empty."
            case .entryDiffers: "A journal entry does not replay as recorded."
            default: "Ledger copy error."
            }
        }
    }

    public let code: Code
    /// Where the copy stopped (the entry's `sequence`).
    public let context: [String: String]
    /// What the replay answered, for `debugDescription` only.
    public let details: String

    init(_ code: Code, context: [String: String] = [:], details: String = "") {
        self.code = code
        self.context = context
        self.details = details
    }
}
