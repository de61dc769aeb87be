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
/// Three parts, for three readers:
/// - ``code`` and its sentence: what went wrong, stable and safe to show anyone;
/// - ``context``: what an operator needs to find the cause (the field, the rule, a limit, a
///   host and port), never personal data;
/// - ``details``: identifiers and amounts of the patients and visits involved, for engineers.
///
/// `description` shows the code, the sentence and the context, and is safe to log;
/// `debugDescription` adds the details.
public protocol CodedError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    associatedtype Code: ErrorCode
    /// What went wrong.
    var code: Code { get }
    /// Facts free of personal data that locate the cause, such as `field`, `rule`, `limit` or
    /// `host`; shown by `description`.
    var context: [String: String] { get }
    /// Identifiers and amounts involved, for `debugDescription` only.
    var details: String { get }
}

extension CodedError {
    public var context: [String: String] { [:] }

    public var description: String {
        let facts = context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let sentence = "\(code.rawValue): \(code.sentence)"
        return facts.isEmpty ? sentence : "\(sentence) (\(facts.joined(separator: ", ")))"
    }

    public var debugDescription: String { details.isEmpty ? description : "\(description) [\(details)]" }

    /// The code, for matching without knowing the error's type.
    var anyCode: any ErrorCode { code }
}
