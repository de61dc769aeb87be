import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import CreditMedicalSQLite

/// `credit-medical copy --from PATH|URL --to PATH|URL`: copies a ledger into an empty one (for
/// instance a SQLite file into PostgreSQL) by replaying its journal, checks that the copy equals
/// the source, and audits it; then copies the credit desk's encounters, bills, settlement records
/// and notification outbox, checking each against the source.
enum CopyCommand {
    static func run(_ commandLine: Arguments) throws -> Int32 {
        var arguments = commandLine
        guard let from = try arguments.value("--from"), let to = try arguments.value("--to") else {
            throw UsageError("copy needs --from and --to")
        }
        try arguments.finish()
        let source = try open(from)
        let target = try open(to)
        try EncounterCopier.requireEmpty(target)
        let copied = try LedgerCopier.copy(from: source, to: target)
        let same = try target.lines(after: nil, limit: .max) == source.lines(after: nil, limit: .max)
            && target.holds(after: nil, limit: .max) == source.holds(after: nil, limit: .max)
        let report = try LedgerAuditor(store: target).audit()
        print("copied \(copied) journal entries; lines and holds \(same ? "equal the source" : "DIFFER from the source")")
        print("audit of the copy: \(report.isClean ? "clean" : report.description)")
        guard same && report.isClean else { return 1 }
        let desk = try EncounterCopier.copy(from: source, to: target)
        print("copied \(desk.encounters) encounters (\(desk.items) charge items, \(desk.refunds) refunds, \(desk.settlements) "
            + "settlement records, \(desk.notifications) notifications in the outbox); each equals the source")
        return 0
    }

    /// A SQLite file or a PostgreSQL database: a ledger store that also keeps the desk's paperwork.
    static func open(_ location: String) throws -> any LedgerStore & EncounterStore {
        PostgresDatabases.isURL(location) ? try PostgresLedgerStore(url: location) : try SQLiteLedgerStore(path: location)
    }
}
