/// A money amount that could not be parsed or computed.
///
/// See ``CodedError`` for what `description` and `debugDescription` show.
public struct MoneyError: CodedError {
    /// A stable, machine-readable code. New codes may be added; match the ones you handle.
    public struct Code: ErrorCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The text is not an amount of yuan.
        public static let invalidFormat = Code(rawValue: "money.invalid_format")
        /// The amount has more than two decimals (finer than one fen).
        public static let tooManyDecimals = Code(rawValue: "money.too_many_decimals")
        /// The amount or a result does not fit into `Int64` fen.
        public static let overflow = Code(rawValue: "money.overflow")

        public var sentence: String {
            switch self {
            case .invalidFormat: "The text is not an amount of yuan such as 12.34 or ¥1,000.00."
            case .tooManyDecimals: "The amount has more than two decimals; one fen is the smallest unit."
            case .overflow: "The amount does not fit into a 64-bit number of fen."
            default: "Money error."
            }
        }
    }

    /// What went wrong.
    public let code: Code

    public init(_ code: Code) { self.code = code }

    /// Nothing: the amount itself is not repeated.
    public var details: String { "" }
}
