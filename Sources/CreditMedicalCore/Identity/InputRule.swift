/// A rule that an identifier or a stored text a caller passes must follow. Its raw value is
/// stable and appears as `rule` in the context of the error that refuses the input.
///
/// Identifiers (line, hold, encounter, charge item, patient, idempotency key, request id, …)
/// follow every rule: 1 to a documented maximum of UTF-8 bytes; no control characters (C0
/// including NUL, DEL, C1); no bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069); no invisible characters (U+200B–U+200D, U+2060, U+FEFF); no line or
/// paragraph separators (U+2028, U+2029); and Unicode NFC. Text that is not in NFC is refused,
/// not normalized: the SDK stores and compares identifiers byte for byte, so it never changes
/// what the caller sent.
///
/// Free text that is stored (names, descriptions, reasons, messages) may be empty and may hold
/// newlines and tabs, but no other control character (C0, DEL, C1), and at most
/// ``InputRules/maximumTextLength`` bytes; it is stored byte for byte as given (bidirectional
/// marks, which right-to-left names may need, are allowed in text).
public enum InputRule: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The identifier is empty.
    case empty
    /// The input has more UTF-8 bytes than its maximum.
    case tooLong = "too_long"
    /// A C0 control character (NUL included), DEL, or a C1 control character.
    case controlCharacter = "control_character"
    /// A bidirectional control character, which can make text display in another order.
    case bidirectionalControl = "bidi_control"
    /// A zero-width character or byte-order mark, which does not show.
    case invisibleCharacter = "invisible_character"
    /// A line or paragraph separator (U+2028, U+2029).
    case lineSeparator = "line_separator"
    /// The text is not in Unicode normalization form C.
    case notNFC = "not_nfc"
    /// A character the identifier's kind reserves (`#` in encounter ids, which derived hold ids use).
    case reservedCharacter = "reserved_character"

    public var description: String { rawValue }
}

/// The one place that checks inputs against the ``InputRule``s.
public enum InputRules {
    /// The most UTF-8 bytes of a stored free text.
    public static let maximumTextLength = 4_096

    /// The first rule `text` breaks as an identifier of at most `maximumLength` bytes in which
    /// `reserved` (an ASCII character) may not appear; `nil` when it breaks none.
    @inlinable
    public static func identifierViolation(_ text: String, maximumLength: Int, reserved: UInt8? = nil) -> InputRule? {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            guard !bytes.isEmpty else { return .empty }
            guard bytes.count <= maximumLength else { return .tooLong }
            if let reserved, bytes.contains(reserved) { return .reservedCharacter }
            if let clean = asciiBytesAreClean(bytes) { return clean ? nil : .controlCharacter }
            return nonASCIIViolation(text, bytes)
        }
    }

    /// The first rule stored free `text` breaks; `nil` when it breaks none.
    public static func textViolation(_ text: String, maximumLength: Int = maximumTextLength) -> InputRule? {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            guard bytes.count <= maximumLength else { return .tooLong }
            var previous: UInt8 = 0
            for byte in bytes {
                // C0 but newline and tab, DEL, and C1 (U+0080–U+009F: 0xC2 0x80–0x9F).
                if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || (previous == 0xC2 && byte < 0xA0) {
                    return .controlCharacter
                }
                previous = byte
            }
            return nil
        }
    }

    /// `text` made fit to be stored as free text: every control character but newline and tab
    /// replaced with U+FFFD, and cut to at most `maximumLength` bytes on a character boundary. For
    /// text the SDK stores from outside sources it cannot refuse, such as a party's error message.
    public static func storable(_ text: String, maximumLength: Int = maximumTextLength) -> String {
        var result = ""
        var length = 0
        for scalar in text.unicodeScalars {
            let isControl = (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
            let kept = isControl ? "\u{FFFD}" : scalar
            length += UTF8.width(kept)
            guard length <= maximumLength else { break }
            result.unicodeScalars.append(kept)
        }
        return result
    }

    /// Checks text with characters beyond ASCII scalar by scalar, then its normalization form.
    @usableFromInline
    static func nonASCIIViolation(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> InputRule? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00..<0x20, 0x7F...0x9F: return .controlCharacter
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return .bidirectionalControl
            case 0x200B...0x200D, 0x2060, 0xFEFF: return .invisibleCharacter
            case 0x2028, 0x2029: return .lineSeparator
            default: continue
            }
        }
        return isNFC(text, bytes) ? nil : .notNFC
    }

    /// Whether `bytes`, the UTF-8 of `text`, are already in normalization form C.
    private static func isNFC(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        struct Differs: Error {}
        var index = 0
        do {
            // The standard library's own NFC, compared unit by unit without building a copy.
            try text._withNFCCodeUnits { unit in
                guard index < bytes.count, bytes[index] == unit else { throw Differs() }
                index += 1
            }
        } catch {
            return false
        }
        return index == bytes.count
    }

    /// Whether UTF-8 bytes that are all ASCII hold no control character (C0 or DEL); `nil` when
    /// some byte is not ASCII.
    ///
    /// Checked eight bytes at a time: a word has a byte below 0x20 when
    /// `(w − 0x20…20) & ~w & 0x80…80` is not zero (for words without high bits), and a DEL byte
    /// when the same test for zero holds for `w ^ 0x7F…7F`.
    @usableFromInline
    static func asciiBytesAreClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let raw = UnsafeRawBufferPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func clean(_ word: UInt64) -> Bool? {
            guard word & highs == 0 else { return nil }
            let del = word ^ (0x7F &* ones)
            return (word &- 0x20 &* ones) & ~word & highs == 0 && (del &- ones) & ~del & highs == 0
        }
        guard raw.count >= 8 else {
            guard !raw.isEmpty else { return true }
            // Every byte lands in the word at least once (overlapping reads repeat some, which the
            // checks do not mind); the rest is "A", which passes them.
            let word: UInt64
            if raw.count >= 4 {
                word = UInt64(raw.loadUnaligned(as: UInt32.self))
                    | UInt64(raw.loadUnaligned(fromByteOffset: raw.count - 4, as: UInt32.self)) << 32
            } else {
                word = 0x4141_4141_4100_0000 | UInt64(raw[0]) | UInt64(raw[raw.count / 2]) << 8 | UInt64(raw[raw.count - 1]) << 16
            }
            return clean(word)
        }
        var offset = 0
        while offset < raw.count {
            let start = min(offset, raw.count - 8)  // the last word overlaps the one before
            guard let wordIsClean = clean(raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)) else { return nil }
            if !wordIsClean { return false }
            offset += 8
        }
        return true
    }
}
