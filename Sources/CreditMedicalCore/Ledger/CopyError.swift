/// A move to another store stopped: the ledger's copy (``LedgerCopier``; nothing after the
/// entry it names was copied) or the desk's (`EncounterCopier`; what was copied before stays in
/// the target).
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public struct CopyError: CodedError {
    /// A stable, machine-readable code.
    public struct Code: ErrorCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The target holds journal entries, encounters or notifications already.
        public static let targetNotEmpty = Self(rawValue: "copy.target_not_empty")
        /// What was copied differs from the source; the context's `what` says what (a journal
        /// entry with its `sequence`, an encounter, the outbox).
        public static let differs = Self(rawValue: "copy.differs")

        public var sentence: String {
            switch self {
            case .targetNotEmpty: "The target is not empty."
            case .differs: "The copy differs from the source."
            default: "Copy error."
            }
        }
    }

    public let code: Code
    /// What the target holds or what differs.
    public let context: [String: String]
    /// The entry's replay or the encounter involved, for `debugDescription` only.
    public let details: String

    package init(_ code: Code, context: [String: String] = [:], details: String = "") {
        self.code = code
        self.context = context
        self.details = details
    }
}
