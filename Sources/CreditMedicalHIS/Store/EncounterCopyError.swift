public import CreditMedicalCore

/// The desk's paperwork could not be copied by ``EncounterCopier``; what was copied before stays
/// in the target.
///
/// See `CodedError` for what `description` and `debugDescription` show.
public struct EncounterCopyError: CodedError {
    /// A stable, machine-readable code.
    public struct Code: ErrorCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The target holds encounters or notifications already.
        public static let targetNotEmpty = Self(rawValue: "encounter_copy.target_not_empty")
        /// What was read back from the target differs from the source; the context's `what`
        /// says whether an encounter or the outbox.
        public static let differs = Self(rawValue: "encounter_copy.differs")

        public var sentence: String {
            switch self {
            case .targetNotEmpty: "The target is not empty: it holds encounters or notifications."
            case .differs: "The copy differs from the source after copying."
            default: "Encounter copy error."
            }
        }
    }

    public let code: Code
    /// What differs (`what`: `encounter` or `outbox`).
    public let context: [String: String]
    /// The encounter involved, for `debugDescription` only.
    public let details: String

    init(_ code: Code, context: [String: String] = [:], details: String = "") {
        self.code = code
        self.context = context
        self.details = details
    }
}
