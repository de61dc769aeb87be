/// The SQL dialects of the two stores, and the words in which their tables' definitions differ, so
/// that each table is defined once (``MigrationPlan/init(_:)``) and both stores run the same
/// columns.
package enum SQLDialect: Sendable, Hashable {
    case postgres
    case sqlite

    /// A text column compared and sorted byte by byte, as ids are: PostgreSQL's `text` in the `C`
    /// collation; SQLite compares every text column so.
    var key: String {
        switch self {
        case .postgres: #"text COLLATE "C""#
        case .sqlite: "TEXT"
        }
    }

    /// A ``key`` that is its table's primary key.
    var textPrimaryKey: String {
        switch self {
        case .postgres: #"text COLLATE "C" PRIMARY KEY"#
        case .sqlite: "TEXT PRIMARY KEY NOT NULL"
        }
    }

    /// Any other text column.
    var text: String { self == .postgres ? "text" : "TEXT" }

    /// A 64-bit integer column: money in fen, times in milliseconds, counts.
    var integer: String { self == .postgres ? "bigint" : "INTEGER" }

    /// A small integer code, such as a state (a 32-bit `integer` in PostgreSQL).
    var code: String { self == .postgres ? "integer" : "INTEGER" }

    /// A history table's `seq` column: its primary key, counting the rows in the order inserted.
    var serial: String { self == .postgres ? "bigserial PRIMARY KEY" : "INTEGER PRIMARY KEY" }

    /// What follows the closing parenthesis of a table keyed by its ``textPrimaryKey``: SQLite
    /// keeps such a table without a rowid, in one b-tree by its key.
    var withoutRowID: String { self == .postgres ? "" : " WITHOUT ROWID" }

    /// The `index`th parameter of a statement (from 1): `$1` in PostgreSQL, `?1` in SQLite.
    package func placeholder(_ index: Int) -> String { self == .postgres ? "$\(index)" : "?\(index)" }
}
