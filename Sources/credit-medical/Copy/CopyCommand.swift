import CreditMedicalCore
import CreditMedicalPostgres
import CreditMedicalSQLite

/// `credit-medical copy --from PATH|URL --to PATH|URL`: copies a ledger into an empty one (for
/// instance a SQLite file into PostgreSQL) by replaying its journal, checks that the copy equals
/// the source, and audits it.
enum CopyCommand {
    static func run(_ commandLine: Arguments) throws -> Int32 {
        var arguments = commandLine
        guard let from = try arguments.value("--from"), let to = try arguments.value("--to") else {
            throw UsageError("copy needs --from and --to")
        }
        try arguments.finish()
        let source = try open(from)
        let target = try open(to)
        let copied = try LedgerCopier.copy(from: source, to: target)
        let same = try target.lines(after: nil, limit: .max) == source.lines(after: nil, limit: .max)
            && target.holds(after: nil, limit: .max) == source.holds(after: nil, limit: .max)
        let report = try LedgerAuditor(store: target).audit()
        print("copied \(copied) journal entries; lines and holds \(same ? "equal the source" : "DIFFER from the source")")
        print("audit of the copy: \(report.isClean ? "clean" : report.description)")
        return same && report.isClean ? 0 : 1
    }

    /// A SQLite file or a PostgreSQL database.
    static func open(_ location: String) throws -> any LedgerStore {
        PostgresDatabases.isURL(location) ? try PostgresLedgerStore(url: location) : try SQLiteLedgerStore(path: location)
    }
}
