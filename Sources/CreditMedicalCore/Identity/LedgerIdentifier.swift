#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A caller-chosen identifier of a ledger object: a short string such as a patient's enrollment
/// number, a HIS encounter number or a request id.
///
/// Valid identifiers have 1 to ``maximumLength`` UTF-8 bytes and follow every ``InputRule``
/// (no control, bidirectional or invisible characters, no line separators, Unicode NFC); the
/// ledger rejects others with `LedgerError.Code.invalidIdentifier`, naming the field and the
/// rule. Identifiers are compared by their bytes: lookalike characters make different ids.
public protocol LedgerIdentifier: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier's text.
    var rawValue: String { get }
    /// An identifier with the given text (validated when a command uses it, not here).
    init(_ rawValue: String)
    /// The largest number of UTF-8 bytes a valid identifier may have.
    static var maximumLength: Int { get }
    /// An ASCII character that identifiers of this kind may not contain, or `nil`.
    static var reservedCharacter: UInt8? { get }
}

extension LedgerIdentifier {
    public static var maximumLength: Int { 64 }

    public static var reservedCharacter: UInt8? { nil }

    public init(stringLiteral value: String) { self.init(value) }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    // Identifiers compare, order and hash by their UTF-8 bytes, as the stores' indexes do: two
    // ids are the same only when their bytes are (no Unicode normalization).

    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.withUTF8 { left in rhs.withUTF8 { right in identifierBytesEqual(left, right) } }
    }

    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.withUTF8 { left in rhs.withUTF8 { right in left.lexicographicallyPrecedes(right) } }
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether the identifier follows every ``InputRule``.
    @inlinable
    public var isValid: Bool { violation == nil }

    /// The first ``InputRule`` the identifier breaks, or `nil` when it follows them all.
    @inlinable
    public var violation: InputRule? {
        InputRules.identifierViolation(rawValue, maximumLength: Self.maximumLength, reserved: Self.reservedCharacter)
    }

    /// Calls `body` with the identifier's UTF-8 bytes: in place where the string stores them
    /// contiguously (native and small strings), else from a contiguous copy.
    @inlinable
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = rawValue.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = rawValue
        return text.withUTF8(body)
    }
}

/// Whether two identifiers' UTF-8 bytes are the same.
@usableFromInline
func identifierBytesEqual(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    guard left.count == right.count else { return false }
    guard let leftStart = left.baseAddress, let rightStart = right.baseAddress else { return true }
    return memcmp(leftStart, rightStart, left.count) == 0
}

/// Identifies a credit line (授信额度), usually one per enrolled patient or family.
public struct CreditLineID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a hold (锁定): the caller's reference for it, such as an encounter or bill number.
/// Unique across the ledger, also after the hold has ended.
public struct HoldID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Hold ids may be up to 96 UTF-8 bytes: an encounter number of up to 64 bytes with `#` and
    /// its settlement round (the credit desk's holds) always fits.
    public static var maximumLength: Int { 96 }
}

/// A caller-chosen key that makes a mutating command safe to retry: the same key with the same
/// command returns the first result again, and is never applied twice.
public struct IdempotencyKey: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Keys may be up to 128 UTF-8 bytes, so callers can combine several ids into one.
    public static var maximumLength: Int { 128 }
}

/// Identifies an encounter (就诊) by the HIS's encounter number (门诊号 / 住院号): up to 64 UTF-8
/// bytes, without `#`, which separates the number from the settlement round in the ids the
/// credit desk derives from it.
public struct EncounterID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static var reservedCharacter: UInt8? { UInt8(ascii: "#") }
}

/// Identifies a medical institution (医疗机构) of the deployment, such as a hospital's or a
/// community clinic's code on a city platform: up to 64 UTF-8 bytes.
public struct InstitutionID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// `default`: the institution of a deployment that names none (one hospital).
    public static let unnamed = InstitutionID("default")
}
