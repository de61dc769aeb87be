import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import CreditMedicalSQLite
import CreditMedicalTesting
import Foundation

/// `credit-medical demo [--database PATH|URL]`: an outpatient visit and a five-day inpatient stay
/// on credit, told step by step, with fake insurers, bank and notifications, on a SQLite file or
/// a PostgreSQL database.
enum DemoCommand {
    static let defaultDatabase = "credit-medical.sqlite"

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let path = try arguments.value("--database") ?? defaultDatabase
        try arguments.finish()
        let store: any LedgerStore & EncounterStore =
            PostgresDatabases.isURL(path) ? try PostgresLedgerStore(url: path) : try SQLiteLedgerStore(path: path)
        let clock = ManualClock(SystemClock().now())
        let parties = FakeParties(medical: .init(deductible: Money(fen: 20_000), classBPermille: 700),
                                  commercial: .init(permille: 500, perClaimCap: Money(fen: 50_000)))
        let narrator = DemoNarrator(desk: parties.desk(ledger: Ledger(store: store, clock: clock), store: store),
                                    parties: parties, clock: clock)
        let number = try lineCount(of: store) + 1

        print("CreditMedical demo: treat first, pay later (先诊疗后付费), database \(path)\n")
        print("An outpatient visit")
        try await OutpatientStory(narrator: narrator, patientNumber: number).tell()
        print("\nA five-day inpatient stay (the demo's clock moves a day at a time)")
        try await InpatientStory(narrator: narrator, patientNumber: number + 1).tell()

        let report = try LedgerAuditor(store: store).audit()
        print("\nAuditor: \(report.isClean ? "clean" : "VIOLATIONS"), \(report.entriesChecked) journal entries, "
            + "\(report.linesChecked) lines and \(report.holdsChecked) holds checked")
        if !report.isClean { print(report) }
        return report.isClean ? 0 : 1
    }
}

/// How many lines the ledger has, read page by page.
private func lineCount(of store: any LedgerStore) throws -> Int {
    var count = 0
    var after: CreditLineID?
    while true {
        let page = try store.lines(after: after, limit: 1_000)
        count += page.count
        guard page.count == 1_000, let last = page.last else { return count }
        after = last.id
    }
}
