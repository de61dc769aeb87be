#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A caller-chosen identifier of a ledger object: a short string such as a patient's enrollment
/// number, a HIS encounter number or a request id.
///
/// Valid identifiers have 1 to ``maximumLength`` UTF-8 bytes and no control characters; the
/// ledger rejects others with ``LedgerError/Code/invalidIdentifier``.
public protocol LedgerIdentifier: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier's text.
    var rawValue: String { get }
    /// An identifier with the given text (validated when a command uses it, not here).
    init(_ rawValue: String)
    /// The largest number of UTF-8 bytes a valid identifier may have.
    static var maximumLength: Int { get }
}

extension LedgerIdentifier {
    public static var maximumLength: Int { 64 }

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

    /// Whether the identifier has 1 to ``maximumLength`` UTF-8 bytes and no control characters.
    @inlinable
    public var isValid: Bool {
        withUTF8 { bytes in
            guard !bytes.isEmpty, bytes.count <= Self.maximumLength else { return false }
            return identifierBytesHaveNoControlCharacters(bytes)
        }
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

/// Whether UTF-8 bytes hold no control character: C0 and DEL (one byte each) and C1 (U+0080–U+009F,
/// encoded 0xC2 0x80–0xC2 0x9F).
///
/// ASCII, the usual case, is checked eight bytes at a time: a word has a byte below 0x20 when
/// `(w − 0x20…20) & ~w & 0x80…80` is not zero (for words without high bits), and a DEL byte when
/// the same test for zero holds for `w ^ 0x7F…7F`. Anything else is checked byte by byte.
@usableFromInline
func identifierBytesHaveNoControlCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let raw = UnsafeRawBufferPointer(bytes)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func asciiWordIsClean(_ word: UInt64) -> Bool? {
        guard word & highs == 0 else { return nil }
        let del = word ^ (0x7F &* ones)
        return (word &- 0x20 &* ones) & ~word & highs == 0 && (del &- ones) & ~del & highs == 0
    }
    guard raw.count >= 8 else {
        // Every byte lands in the word at least once (overlapping reads repeat some, which the
        // checks do not mind); the rest is "A", which passes them.
        let word: UInt64
        if raw.count >= 4 {
            word = UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: raw.count - 4, as: UInt32.self)) << 32
        } else {
            word = 0x4141_4141_4100_0000 | UInt64(raw[0]) | UInt64(raw[raw.count / 2]) << 8 | UInt64(raw[raw.count - 1]) << 16
        }
        return asciiWordIsClean(word) ?? bytesHaveNoControlCharacters(bytes)
    }
    var offset = 0
    while offset < raw.count {
        let start = min(offset, raw.count - 8)  // the last word overlaps the one before
        guard let clean = asciiWordIsClean(raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)) else {
            return bytesHaveNoControlCharacters(bytes)
        }
        if !clean { return false }
        offset += 8
    }
    return true
}

private func bytesHaveNoControlCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previous: UInt8 = 0
    for byte in bytes {
        if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte < 0xA0) { return false }
        previous = byte
    }
    return true
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
}

/// A caller-chosen key that makes a mutating command safe to retry: the same key with the same
/// command returns the first result again, and is never applied twice.
public struct IdempotencyKey: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Keys may be up to 128 UTF-8 bytes, so callers can combine several ids into one.
    public static var maximumLength: Int { 128 }
}

/// Identifies an encounter (就诊) by the HIS's encounter number (门诊号 / 住院号).
public struct EncounterID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
