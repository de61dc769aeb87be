import CreditMedicalCore
import CreditMedicalHIS
import Foundation

/// `credit-medical audit [--database PATH|URL] [--json]`: checks a ledger's invariants and the
/// desk's paperwork in one read-only snapshot (nothing is created, migrated or written) and lists
/// every finding. Exits 0 when clean, 1 with findings, 2 when it could not audit (no file, a
/// schema to migrate, a server out of reach).
enum AuditCommand: Command {
    static let usage = CommandUsage(["audit"], "[--database PATH|postgres://URL] [--json]", """
        Checks the ledger's invariants (balances against the journal, held against open holds,
        every entry a command the ledger accepts) and the desk's paperwork (checkouts stopped or
        parked, holds no open visit owns, settlements that do not match their bill, overdue
        advances, notifications that keep failing) in one read-only snapshot; never creates,
        migrates or writes. Exit status 0 clean, 1 findings, 2 could not audit.
        """)

    static func run(_ commandLine: Arguments) throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        let database = try DatabaseOption(&arguments)
        try arguments.finish()
        let ledger: LedgerAuditReport
        let desk: DeskAuditReport
        do {
            (ledger, desk) = try audit(database)
        } catch {
            Output.standardError("error: could not audit \(database.printable): \(error)")
            return 2
        }
        output.say("\(database.printable): \(ledger.entriesChecked) journal entries, \(ledger.linesChecked) lines, "
            + "\(ledger.holdsChecked) holds checked")
        output.say(ledger.isClean ? "clean" : ledger.description)
        output.say(desk.description)
        try output.document(AuditDocument(database: database.printable, ledger: AuditSummary(ledger), desk: DeskAuditSummary(desk)))
        return ledger.isClean && desk.isClean ? 0 : 1
    }

    /// Audits the ledger and the desk in one snapshot of `database`.
    private static func audit(_ database: DatabaseOption) throws -> (LedgerAuditReport, DeskAuditReport) {
        let snapshot = try database.snapshot()
        defer { snapshot.close() }
        let ledger = try LedgerAuditor(store: snapshot.reader).audit()
        return (ledger, try DeskAuditor(ledger: snapshot.reader, desk: snapshot.reader).audit(at: SystemClock().now()))
    }
}

/// What `audit --json` prints: one object with every finding.
private struct AuditDocument: Encodable {
    let database: String
    let clean: Bool
    let ledger: AuditSummary
    let desk: DeskAuditSummary

    init(database: String, ledger: AuditSummary, desk: DeskAuditSummary) {
        self.database = database
        clean = ledger.clean && desk.clean
        self.ledger = ledger
        self.desk = desk
    }
}
