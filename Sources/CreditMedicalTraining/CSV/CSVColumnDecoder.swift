import CreditMedicalCore

/// Turns one column of tokenized fields into a `ScoringBatch.Column`: numbers when every value
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
    private var spans: [CSVTokenizer.Span] { tokens.columns[column] }

    func decode() throws(TrainingError) -> ScoringBatch.Column {
        if let numbers = numbers() { return .numbers(numbers) }
        return try categories()
    }

    /// The column as numbers, `nil` as soon as a value is neither missing nor a finite number.
    private func numbers() -> [Double]? {
        var values = [Double](repeating: .nan, count: rows)
        let spans = spans
        for row in 0..<rows {
            let span = spans[row]
            if let value = DecimalParser.parse(bytes, span.start, span.end) {
                values[row] = value
            } else if span.escaped || !Self.isMissing(bytes, span.start, span.end) {
                return nil
            }
        }
        return values
    }

    /// The column dictionary-encoded; only each distinct value becomes a `String` (checked to be
    /// UTF-8).
    private func categories() throws(TrainingError) -> ScoringBatch.Column {
        var codes = [Int32](repeating: -1, count: rows)
        var dictionary: [String] = []
        var lookup = CategoryDictionary()
        // What each code of `lookup` is: a code of `dictionary`, or −1 for a missing spelling.
        var meaning: [Int32] = []
        let spans = spans
        for row in 0..<rows {
            let span = spans[row]
            let (code, isNew) = span.escaped
                ? lookup.code(CSVTokenizer.unescaped(bytes, span.start, span.end, escaped: true))
                : lookup.code(bytes, span.start, span.end)
            if isNew {
                if !span.escaped, Self.isMissing(bytes, span.start, span.end) {
                    meaning.append(-1)
                } else if let text = String(validating: lookup.key(code), as: UTF8.self) {
                    meaning.append(Int32(dictionary.count))
                    dictionary.append(text)
                } else {
                    throw TrainingError(.invalidUTF8, context: ["line": "\(tokens.recordLines[row + 1])", "column": "\(column + 1)"])
                }
            }
            codes[row] = meaning[Int(code)]
        }
        return .categories(codes: codes, dictionary: dictionary)
    }

    /// The text of one field of the header, checked to be UTF-8.
    static func header(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: CSVTokenizer, column: Int) throws(TrainingError) -> String {
        let span = tokens.header[column]
        let key = CSVTokenizer.unescaped(bytes, span.start, span.end, escaped: span.escaped)
        guard let text = String(validating: key, as: UTF8.self) else { throw TrainingError(.invalidUTF8, context: ["line": "1"]) }
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
