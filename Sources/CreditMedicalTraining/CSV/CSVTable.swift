public import CreditMedicalCore
public import Foundation

/// A credit data file read into columns: a header row, then one row per applicant, comma
/// separated as RFC 4180 says (quoted fields may hold commas, doubled quotes and line breaks;
/// lines end in LF or CRLF; a UTF-8 byte order mark is skipped; lines with no bytes are skipped).
///
/// A field is **missing** when it is empty or spells `NA`, `N/A`, `NaN`, `null` or `NULL`
/// (surrounding spaces ignored). A column is numeric when every value that is not missing reads as
/// a finite number; it is then a `ScoringBatch.Column.numbers(_:)` column with NaN for missing.
/// Any other column is text, dictionary-encoded as `ScoringBatch.Column.categories(codes:dictionary:)`
/// (categories in order of first appearance, code −1 for missing).
public struct CSVTable: Sendable {
    /// The columns' names, in the file's order.
    public let columnNames: [String]
    /// The columns, in the file's order.
    public let columns: [ScoringBatch.Column]
    /// The number of data rows.
    public let rowCount: Int
    /// The line (1-based) each data row starts on.
    public let rowLines: [Int]

    /// Reads a file. Throws `TrainingError.Code.unreadableFile` and whatever ``init(data:)`` throws.
    public init(contentsOf url: URL) throws(TrainingError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TrainingError(.unreadableFile, context: ["path": url.path], details: "\(error)")
        }
        try self.init(data: data)
    }

    /// Reads CSV text.
    public init(csv: String) throws(TrainingError) {
        try self.init(data: Data(csv.utf8))
    }

    /// Reads CSV bytes. Throws `TrainingError.Code.emptyFile`, `TrainingError.Code.raggedRow`,
    /// `TrainingError.Code.malformedQuote`, `TrainingError.Code.invalidUTF8` or
    /// `TrainingError.Code.duplicateColumn`, each naming the line, or
    /// `TrainingError.Code.fileTooLarge` for 2 GiB or more.
    public init(data: Data) throws(TrainingError) {
        let result = data.withUnsafeBytes { raw -> Result<([String], [ScoringBatch.Column], [Int]), TrainingError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(TrainingError) {
                let tokens = try CSVTokenizer(bytes)
                var names: [String] = []
                for column in 0..<tokens.width {
                    let name = try CSVColumnDecoder.header(bytes, tokens, column: column)
                    guard !names.contains(name) else { throw TrainingError(.duplicateColumn, context: ["column": name]) }
                    names.append(name)
                }
                let columns = try (0..<tokens.width).map { (column: Int) throws(TrainingError) in
                    try CSVColumnDecoder(bytes, tokens, column: column).decode()
                }
                return .success((names, columns, Array(tokens.recordLines.dropFirst())))
            } catch {
                return .failure(error)
            }
        }
        let (names, columns, lines) = try result.get()
        self.init(checkedNames: names, columns: columns, rowLines: lines)
    }

    /// A table from columns already in memory; `rowLines` defaults to a file with no quoted line
    /// breaks. Throws `TrainingError.Code.unevenColumns` when the names, columns or line numbers
    /// do not match in count.
    public init(columnNames: [String], columns: [ScoringBatch.Column], rowLines: [Int]? = nil) throws(TrainingError) {
        let count = columns.first?.rowCount ?? 0
        guard columnNames.count == columns.count, Set(columnNames).count == columnNames.count,
              columns.allSatisfy({ $0.rowCount == count }), rowLines.map({ $0.count == count }) ?? true else {
            throw TrainingError(.unevenColumns, context: ["names": "\(columnNames.count)", "columns": "\(columns.count)",
                                                          "rows": columns.map { "\($0.rowCount)" }.joined(separator: ",")])
        }
        self.init(checkedNames: columnNames, columns: columns, rowLines: rowLines ?? (0..<count).map { $0 + 2 })
    }

    private init(checkedNames: [String], columns: [ScoringBatch.Column], rowLines: [Int]) {
        self.columnNames = checkedNames
        self.columns = columns
        self.rowCount = rowLines.count
        self.rowLines = rowLines
    }

    /// The column named `name`, if the table has it.
    public func column(_ name: String) -> ScoringBatch.Column? {
        columnNames.firstIndex(of: name).map { columns[$0] }
    }

    /// The rows at `rows`, in that order (a split, a sample); dictionaries are kept whole.
    public func rows(_ rows: [Int]) -> CSVTable {
        let picked = columns.map { column -> ScoringBatch.Column in
            switch column {
            case .numbers(let values): .numbers(rows.map { values[$0] })
            case .categories(let codes, let dictionary): .categories(codes: rows.map { codes[$0] }, dictionary: dictionary)
            }
        }
        return CSVTable(checkedNames: columnNames, columns: picked, rowLines: rows.map { rowLines[$0] })
    }

    /// Every column but those in `excluded`, as a batch to score.
    public func batch(excluding excluded: Set<String> = []) -> ScoringBatch {
        var batch = ScoringBatch(count: rowCount)
        for (name, column) in zip(columnNames, columns) where !excluded.contains(name) {
            // Every column has `rowCount` rows, so setting one cannot fail.
            try? batch.set(name, column)
        }
        return batch
    }

    /// Row `row` as one applicant's features: numbers, categories, and missing values as
    /// `.missing(.noRecord)`.
    public func applicant(row: Int) -> ApplicantFeatures {
        var features = ApplicantFeatures()
        for (name, column) in zip(columnNames, columns) {
            switch column {
            case .numbers(let values):
                features[name] = values[row].isNaN ? .missing(.noRecord) : .number(values[row])
            case .categories(let codes, let dictionary):
                features[name] = codes[row] < 0 ? .missing(.noRecord) : .category(dictionary[Int(codes[row])])
            }
        }
        return features
    }
}

extension ScoringBatch.Column {
    /// How many rows the column holds.
    var rowCount: Int {
        switch self {
        case .numbers(let values): values.count
        case .categories(let codes, _): codes.count
        }
    }
}
