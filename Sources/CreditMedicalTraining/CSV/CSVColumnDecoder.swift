import CreditMedicalCore

/// Turns one column of tokenized fields into a ``ScoringBatch/Column``: numbers when every value
/// that is not missing is a finite number, dictionary-encoded text otherwise.
struct CSVColumnDecoder {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let tokens: CSVTokenizer
    private let column: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: CSVTokenizer, column: Int) {
        self.bytes = bytes
        self.tokens = tokens
        self.column = column
    }

    private var rows: Int { tokens.recordLines.count - 1 }
    private func field(_ row: Int) -> Int { (row + 1) * tokens.width + column }

    func decode() throws(TrainingError) -> ScoringBatch.Column {
        if let numbers = numbers() { return .numbers(numbers) }
        return try categories()
    }

    /// The column as numbers, `nil` as soon as a value is neither missing nor a finite number.
    private func numbers() -> [Double]? {
        var values = [Double](repeating: .nan, count: rows)
        for row in 0..<rows {
            let field = field(row)
            let start = tokens.starts[field], end = tokens.ends[field]
            if let value = DecimalParser.parse(bytes, start, end) {
                values[row] = value
            } else if tokens.escaped[field] || !Self.isMissing(bytes, start, end) {
                return nil
            }
        }
        return values
    }

    /// The column dictionary-encoded; distinct values are found by hashing bytes, so only each
    /// distinct value becomes a `String` (and is checked to be UTF-8).
    private func categories() throws(TrainingError) -> ScoringBatch.Column {
        var codes = [Int32](repeating: -1, count: rows)
        var dictionary: [String] = []
        var byHash: [Int: [Int32]] = [:]
        var keys: [[UInt8]] = []
        for row in 0..<rows {
            let field = field(row)
            let start = tokens.starts[field], end = tokens.ends[field]
            if !tokens.escaped[field], Self.isMissing(bytes, start, end) { continue }
            let key = tokens.escaped[field] ? CSVTokenizer.unescaped(bytes, start, end, escaped: true) : nil
            let hash = key.map(Self.hash) ?? Self.hash(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            let found = byHash[hash]?.first { code in
                key.map { keys[Int(code)] == $0 } ?? keys[Int(code)].elementsEqual(bytes[start..<end])
            }
            if let found {
                codes[row] = found
                continue
            }
            let newKey = key ?? Array(bytes[start..<end])
            guard let text = String(validating: newKey, as: UTF8.self) else {
                throw TrainingError(.invalidUTF8, context: ["line": "\(tokens.recordLines[row + 1])", "column": "\(column + 1)"])
            }
            let code = Int32(dictionary.count)
            dictionary.append(text)
            keys.append(newKey)
            byHash[hash, default: []].append(code)
            codes[row] = code
        }
        return .categories(codes: codes, dictionary: dictionary)
    }

    /// A hash of some bytes (the same for equal bytes, wherever they lie).
    private static func hash(_ bytes: some Collection<UInt8>) -> Int {
        var hasher = Hasher()
        for byte in bytes { hasher.combine(byte) }
        return hasher.finalize()
    }

    /// The text of one field of the header (or any record), checked to be UTF-8.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: CSVTokenizer, field: Int, line: Int) throws(TrainingError) -> String {
        let key = CSVTokenizer.unescaped(bytes, tokens.starts[field], tokens.ends[field], escaped: tokens.escaped[field])
        guard let text = String(validating: key, as: UTF8.self) else { throw TrainingError(.invalidUTF8, context: ["line": "\(line)"]) }
        return text
    }

    private static let missingSpellings: [[UInt8]] = ["", "NA", "N/A", "NaN", "null", "NULL"].map { Array($0.utf8) }

    /// Whether the bytes spell a missing value (surrounding spaces ignored).
    static func isMissing(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var start = start, end = end
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        guard end - start <= 4 else { return false }
        return missingSpellings.contains { spelling in
            spelling.count == end - start && spelling.indices.allSatisfy { spelling[$0] == bytes[start + $0] }
        }
    }
}
