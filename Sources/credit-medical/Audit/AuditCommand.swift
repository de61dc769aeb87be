import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import CreditMedicalSQLite
import Foundation

/// `credit-medical audit [--database PATH|URL] [--json]`: checks a ledger's invariants and the
/// desk's paperwork in one read-only snapshot (nothing is created, migrated or written) and lists
/// every finding. Exits 0 when clean, 1 with findings, 2 when it could not audit (no file, a
/// schema to migrate, a server out of reach).
enum AuditCommand {
    static func run(_ commandLine: Arguments) throws -> Int32 {
        var arguments = commandLine
        let location = try arguments.value("--database") ?? DemoCommand.defaultDatabase
        let json = arguments.flag("--json")
        try arguments.finish()
        let shown = PostgresDatabases.isURL(location) ? PostgresDatabases.redacted(location) : location
        let ledger: LedgerAuditReport
        let desk: DeskAuditReport
        do {
            (ledger, desk) = try audit(location)
        } catch {
            FileHandle.standardError.write(Data("error: could not audit \(shown): \(error)\n".utf8))
            return 2
        }
        if json {
            try printJSON(AuditSummary(database: shown, ledger: ledger, desk: desk))
        } else {
            print("\(shown): \(ledger.entriesChecked) journal entries, \(ledger.linesChecked) lines, \(ledger.holdsChecked) holds checked")
            print(ledger.isClean ? "clean" : ledger.description)
            print(desk.description)
        }
        return ledger.isClean && desk.isClean ? 0 : 1
    }

    /// Audits the ledger and the desk in one snapshot of the database at `location`.
    private static func audit(_ location: String) throws -> (LedgerAuditReport, DeskAuditReport) {
        let snapshot: any LedgerReader & EncounterReader
        let close: () -> Void
        if PostgresDatabases.isURL(location) {
            let postgres = try PostgresSnapshot(url: location)
            (snapshot, close) = (postgres, postgres.close)
        } else {
            let sqlite = try SQLiteSnapshot(path: location)
            (snapshot, close) = (sqlite, sqlite.close)
        }
        defer { close() }
        return (try LedgerAuditor(store: snapshot).audit(), try DeskAuditor(ledger: snapshot, desk: snapshot).audit(at: SystemClock().now()))
    }
}

/// What `audit --json` prints: one object with every finding.
private struct AuditSummary: Encodable {
    struct Ledger: Encodable {
        let entries: Int, lines: Int, holds: Int
        let violations: [Violation]
    }

    struct Violation: Encodable {
        let invariant: Int, name: String
        let line: String?, hold: String?, sequence: Int64?
        let detail: String
    }

    struct Desk: Encodable {
        let encounters: Int, settlements: Int, openHolds: Int
        let findings: [Finding]

        enum CodingKeys: String, CodingKey {
            case encounters, settlements, findings
            case openHolds = "open_holds"
        }
    }

    struct Finding: Encodable {
        let kind: String
        let encounter: String?, hold: String?
        let detail: String
    }

    let database: String
    let clean: Bool
    let ledger: Ledger
    let desk: Desk

    init(database: String, ledger: LedgerAuditReport, desk: DeskAuditReport) {
        self.database = database
        clean = ledger.isClean && desk.isClean
        self.ledger = Ledger(entries: ledger.entriesChecked, lines: ledger.linesChecked, holds: ledger.holdsChecked,
                             violations: ledger.violations.map {
                                 Violation(invariant: $0.invariant.rawValue, name: $0.invariant.description, line: $0.line?.rawValue,
                                           hold: $0.hold?.rawValue, sequence: $0.sequence, detail: $0.detail)
                             })
        self.desk = Desk(encounters: desk.encountersChecked, settlements: desk.settlementsChecked, openHolds: desk.holdsChecked,
                         findings: desk.findings.map {
                             Finding(kind: $0.kind.rawValue, encounter: $0.encounter?.rawValue, hold: $0.hold?.rawValue, detail: $0.detail)
                         })
    }
}

/// Prints `value` as one JSON document on standard output.
private func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
