/// A money amount that could not be parsed or computed.
public struct MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable code. New codes may be added; match the ones you handle.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The text is not an amount of yuan.
        public static let invalidFormat = Code(rawValue: "money.invalid_format")
        /// The amount has more than two decimals (finer than one fen).
        public static let tooManyDecimals = Code(rawValue: "money.too_many_decimals")
        /// The amount or a result does not fit into `Int64` fen.
        public static let overflow = Code(rawValue: "money.overflow")
    }

    /// What went wrong.
    public let code: Code

    public init(_ code: Code) { self.code = code }

    public var description: String {
        switch code {
        case .invalidFormat: "The text is not an amount of yuan such as 12.34 or ¥1,000.00."
        case .tooManyDecimals: "The amount has more than two decimals; one fen is the smallest unit."
        case .overflow: "The amount does not fit into a 64-bit number of fen."
        default: "Money error \(code.rawValue)."
        }
    }
}
