/// A stable, machine-readable error code with a human sentence free of personal data.
public protocol ErrorCode: RawRepresentable<String>, Sendable, Hashable, CustomStringConvertible {
    /// What the code means, in a sentence safe to show and to log.
    var sentence: String { get }
}

extension ErrorCode {
    public var description: String { rawValue }

    /// Matches an error against a code in a `catch` or `switch`: `catch LedgerError.Code.lineFrozen`.
    public static func ~= (code: Self, error: any Error) -> Bool {
        ((error as? any CodedError)?.anyCode as? Self) == code
    }
}

/// An error of the SDK: one struct per domain with an extensible ``ErrorCode``.
///
/// `description` is safe to log: the code and its sentence, never amounts or identifiers.
/// `debugDescription` adds the details for engineers.
public protocol CodedError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    associatedtype Code: ErrorCode
    /// What went wrong.
    var code: Code { get }
    /// Identifiers and amounts involved, for `debugDescription` only.
    var details: String { get }
}

extension CodedError {
    public var description: String { "\(code.rawValue): \(code.sentence)" }

    public var debugDescription: String { details.isEmpty ? description : "\(description) [\(details)]" }

    /// The code, for matching without knowing the error's type.
    var anyCode: any ErrorCode { code }
}
