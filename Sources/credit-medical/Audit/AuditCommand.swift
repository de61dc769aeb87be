import CreditMedicalCore

/// `credit-medical audit [--database PATH|URL]`: checks a ledger's invariants and lists every
/// violation; exits with 1 when there is one. A PostgreSQL URL audits that database.
enum AuditCommand {
    static func run(_ commandLine: Arguments) throws -> Int32 {
        var arguments = commandLine
        let path = try arguments.value("--database") ?? DemoCommand.defaultDatabase
        try arguments.finish()
        let report = try LedgerAuditor(store: CopyCommand.open(path)).audit()
        print("\(path): \(report.entriesChecked) journal entries, \(report.linesChecked) lines, \(report.holdsChecked) holds checked")
        print(report.isClean ? "clean" : report.description)
        return report.isClean ? 0 : 1
    }
}
