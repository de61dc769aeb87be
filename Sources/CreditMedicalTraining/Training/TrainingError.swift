public import CreditMedicalCore

/// A data file that cannot be read or trained on: no header, a ragged row, bytes that are not
/// UTF-8, no target column or a target that is not 0/1, or nothing left to train on.
///
/// See `CodedError` for what `description` and `debugDescription` show.
public typealias TrainingError = DomainError<TrainingErrorDomain>

/// The domain of ``TrainingError``: its codes are static members of `TrainingError.Code`.
public enum TrainingErrorDomain: ErrorDomain {
    public static let generalSentence = "Training error."
}

extension TrainingError.Code {
    /// The file has no header row.
    public static let emptyFile = Self("training.empty_file", "The file is empty: it has no header row.")
    /// A row has another number of fields than the header; the context names the `line`, the
    /// `fields` found and the `expected` count.
    public static let raggedRow = Self("training.ragged_row", "A row has another number of fields than the header.")
    /// A quoted field is not closed, or a closing quote is followed by something other than a
    /// comma or the end of the line; the context names the `line`.
    public static let malformedQuote = Self("training.malformed_quote", "A quoted field is not closed properly.")
    /// Some bytes are not UTF-8; the context names the `line`.
    public static let invalidUTF8 = Self("training.invalid_utf8", "The file has bytes that are not UTF-8.")
    /// Two header fields have the same name; the context names the `column`.
    public static let duplicateColumn = Self("training.duplicate_column", "Two columns have the same name.")
    /// Columns given in memory differ in number of rows, or do not match their names; the context
    /// counts them.
    public static let unevenColumns = Self("training.uneven_columns", "The columns differ in length or do not match their names.")
    /// The file is 2 GiB or larger; the context names its `bytes` and the `maximum`.
    public static let fileTooLarge = Self("training.file_too_large", "The file is larger than the reader takes.")
    /// The file cannot be read; the context names the `path`.
    public static let unreadableFile = Self("training.unreadable_file", "The file cannot be read.")
    /// The target column is not in the file; the context names the `target` and the `columns`.
    public static let missingTarget = Self("training.missing_target", "The target column is not in the file.")
    /// A target value is not 0 or 1; the context names the `row`, the `line` and the `value`.
    public static let invalidTarget = Self("training.invalid_target", "A target value is not 0 or 1.")
    /// The target has only goods or only bads, so nothing can be learnt; the context counts both.
    public static let singleClass = Self("training.single_class", "The target needs both goods (0) and bads (1).")
    /// No feature is left after dropping excluded, constant, empty and weak columns; the context
    /// lists the `dropped` columns.
    public static let noUsableFeature = Self("training.no_usable_feature", "No usable feature is left to train on.")
    /// Options out of range; the context names the `option` and the `problem`.
    public static let invalidOptions = Self("training.invalid_options", "The training options are out of range.")
}

extension TrainingError.Code {
    /// A table's columns do not fit the scorecard (a feature's column is of the other kind); the
    /// context names the `feature`.
    public static let tableMismatch = Self("training.table_mismatch", "The table's columns do not fit the scorecard.")
}
