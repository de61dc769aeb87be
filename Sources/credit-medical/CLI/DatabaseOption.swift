import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import CreditMedicalSQLite
import Foundation

/// A database a command works on: a SQLite file or a PostgreSQL URL (`--database`, `--from`,
/// `--to`). Printed only through ``printable``, which never shows a password.
struct DatabaseOption: Sendable {
    /// The file the commands use when no `--database` is given: in the working directory.
    static let defaultLocation = "credit-medical.sqlite"

    /// The path or URL as given.
    let location: String

    init(_ location: String) {
        self.location = location
    }

    /// Takes `--database PATH|URL` from the command line; ``defaultLocation`` when it is not there.
    init(_ arguments: inout Arguments) throws(UsageError) {
        location = try arguments.value("--database") ?? Self.defaultLocation
    }

    /// Whether it is a PostgreSQL URL.
    var isURL: Bool { PostgresDatabase.isURL(location) }

    /// The location for printing: a URL without its password.
    var printable: String { isURL ? PostgresDatabase.redacted(location) : location }

    /// Opens the database, which keeps the ledger and the desk's paperwork; a new SQLite file is
    /// made when there is none.
    func open() throws -> any CreditDatabase {
        isURL ? try PostgresDatabase(url: location) : try SQLiteDatabase(path: location)
    }

    /// Opens a read-only snapshot of the database (``SQLiteSnapshot``, ``PostgresSnapshot``): one
    /// moment's view that creates, migrates and writes nothing; `close` ends it.
    func snapshot() throws -> (reader: any LedgerReader & EncounterReader, close: () -> Void) {
        if isURL {
            let postgres = try PostgresSnapshot(url: location)
            return (postgres, postgres.close)
        }
        let sqlite = try SQLiteSnapshot(path: location)
        return (sqlite, sqlite.close)
    }

    /// Opens a database that exists: for commands that look at what is there, a missing SQLite
    /// file is ``ToolError/Code/databaseNotFound`` instead of a new, empty one.
    func openExisting() throws -> any CreditDatabase {
        guard isURL || FileManager.default.fileExists(atPath: location) else {
            throw ToolError(.databaseNotFound, context: ["path": location])
        }
        return try open()
    }
}
