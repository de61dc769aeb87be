/// Splits CSV bytes (RFC 4180) into fields without copying them: each field is a byte range of
/// the file, flagged when it was quoted with doubled quotes inside (to be unescaped when read),
/// kept column by column so that each column is read from one run of memory. Records end at LF
/// or CRLF; a line with no bytes at all is skipped.
import CreditMedicalCore

struct CSVTokenizer {
    /// Where a field lies, and whether it holds doubled quotes, in eight bytes (files are at most
    /// ``maximumSize`` bytes long).
    struct Span {
        private let first: UInt32
        private let packedEnd: UInt32

        init(start: Int, end: Int, escaped: Bool) {
            first = UInt32(truncatingIfNeeded: start)
            packedEnd = UInt32(truncatingIfNeeded: end) | (escaped ? 0x8000_0000 : 0)
        }

        var start: Int { Int(first) }
        var end: Int { Int(packedEnd & 0x7FFF_FFFF) }
        var escaped: Bool { packedEnd & 0x8000_0000 != 0 }
    }

    /// The largest file read: 2 GiB − 1 bytes.
    static let maximumSize = Int(Int32.max)

    /// The header's fields.
    private(set) var header: [Span] = []
    /// Each column's fields, one per data row.
    private(set) var columns: [[Span]] = []
    /// The fields of the record being read.
    private var record: [Span] = []
    /// The line (1-based) each record starts on, the header's first.
    private(set) var recordLines: [Int] = []
    /// Fields per record, from the header.
    private(set) var width = 0

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Tokenizes `bytes`, skipping a UTF-8 byte order mark. Throws `TrainingError.Code.emptyFile`,
    /// `TrainingError.Code.raggedRow`, `TrainingError.Code.malformedQuote` or
    /// `TrainingError.Code.fileTooLarge`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(TrainingError) {
        let count = bytes.count
        guard count <= Self.maximumSize else {
            throw TrainingError(.fileTooLarge, context: ["bytes": "\(count)", "maximum": "\(Self.maximumSize)"])
        }
        var index = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var line = 1
        while index < count {
            if bytes[index] == Self.lf || bytes[index] == Self.cr {
                index += bytes[index] == Self.cr && index + 1 < count && bytes[index + 1] == Self.lf ? 2 : 1
                line += 1
                continue
            }
            let recordLine = line
            var fields = 0
            var recordEnded = false
            while !recordEnded {
                if index < count, bytes[index] == Self.quote {
                    let start = index + 1
                    var doubled = false
                    index = start
                    while true {
                        guard index < count else {
                            throw TrainingError(.malformedQuote, context: ["line": "\(recordLine)", "problem": "the quote is never closed"])
                        }
                        let byte = bytes[index]
                        if byte == Self.quote {
                            if index + 1 < count, bytes[index + 1] == Self.quote {
                                doubled = true
                                index += 2
                                continue
                            }
                            break
                        }
                        if byte == Self.lf { line += 1 }
                        index += 1
                    }
                    append(start, index, doubled)
                    index += 1
                    if index < count, bytes[index] != Self.comma, bytes[index] != Self.lf, bytes[index] != Self.cr {
                        throw TrainingError(.malformedQuote, context: ["line": "\(line)", "problem": "text after a closing quote"])
                    }
                } else {
                    let start = index
                    while index < count, bytes[index] != Self.comma, bytes[index] != Self.lf, bytes[index] != Self.cr { index += 1 }
                    append(start, index, false)
                }
                fields += 1
                if index >= count {
                    recordEnded = true
                } else if bytes[index] == Self.comma {
                    index += 1
                } else {
                    index += bytes[index] == Self.cr && index + 1 < count && bytes[index + 1] == Self.lf ? 2 : 1
                    line += 1
                    recordEnded = true
                }
            }
            if recordLines.isEmpty {
                width = fields
                header = record
                columns = (0..<width).map { _ in
                    var column: [Span] = []
                    column.reserveCapacity(count / max(8 * width, 1))
                    return column
                }
            } else if fields != width {
                throw TrainingError(.raggedRow, context: ["line": "\(recordLine)", "fields": "\(fields)", "expected": "\(width)"])
            } else {
                for column in 0..<width { columns[column].append(record[column]) }
            }
            record.removeAll(keepingCapacity: true)
            recordLines.append(recordLine)
        }
        guard !recordLines.isEmpty else { throw TrainingError(.emptyFile) }
    }

    private mutating func append(_ start: Int, _ end: Int, _ doubled: Bool) {
        record.append(Span(start: start, end: end, escaped: doubled))
    }

    /// The field's bytes, with doubled quotes made single.
    static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, escaped: Bool) -> [UInt8] {
        guard escaped else { return Array(bytes[start..<end]) }
        var result: [UInt8] = []
        result.reserveCapacity(end - start)
        var index = start
        while index < end {
            result.append(bytes[index])
            index += bytes[index] == quote ? 2 : 1
        }
        return result
    }
}
