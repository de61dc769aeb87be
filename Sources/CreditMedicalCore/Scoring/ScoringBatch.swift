/// Applicants in columns, as a data file or a warehouse query gives them: one column per feature,
/// numbers as `Double` (NaN for missing) and categories dictionary-encoded (each distinct category
/// once, each row a code into that list, a negative code for missing). A feature without a column
/// is missing for every row.
public struct ScoringBatch: Sendable {
    /// One feature's values for every row.
    public enum Column: Sendable {
        case numbers([Double])
        case categories(codes: [Int32], dictionary: [String])

        var count: Int {
            switch self {
            case .numbers(let values): values.count
            case .categories(let codes, _): codes.count
            }
        }
    }

    /// How many applicants the batch holds.
    public let count: Int
    /// The columns, by feature name.
    public private(set) var columns: [String: Column] = [:]

    public init(count: Int) {
        self.count = max(count, 0)
    }

    /// Adds (or replaces) the column of feature `name`; throws
    /// `ScoringError.Code.batchMismatch` when it has another number of rows than the batch.
    public mutating func set(_ name: String, _ column: Column) throws(ScoringError) {
        guard column.count == count else {
            throw ScoringError(.batchMismatch, context: ["feature": name, "rows": "\(column.count)", "expected": "\(count)"])
        }
        columns[name] = column
    }
}
