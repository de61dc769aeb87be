import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import Foundation

/// `credit-medical demo [--database PATH]`: an outpatient visit on credit, told step by step.
enum DemoCommand {
    static let defaultDatabase = "credit-medical.sqlite"

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let path = try arguments.value("--database") ?? defaultDatabase
        try arguments.finish()
        let store = try SQLiteLedgerStore(path: path)
        let ledger = Ledger(store: store)
        let story = OutpatientStory(ledger: ledger, patientNumber: try store.lineCount() + 1)
        print("CreditMedical demo: an outpatient visit on credit (先诊疗后付费), ledger \(path)\n")
        try await story.tell()
        let report = try LedgerAuditor(store: store).audit()
        print("\nAuditor: \(report.isClean ? "clean" : "VIOLATIONS"), \(report.entriesChecked) journal entries, "
            + "\(report.linesChecked) lines and \(report.holdsChecked) holds checked")
        if !report.isClean { print(report) }
        return report.isClean ? 0 : 1
    }
}

extension SQLiteLedgerStore {
    /// How many lines the ledger has, read page by page.
    fileprivate func lineCount() throws -> Int {
        var count = 0
        var after: CreditLineID?
        while true {
            let page = try lines(after: after, limit: 1_000)
            count += page.count
            guard page.count == 1_000, let last = page.last else { return count }
            after = last.id
        }
    }
}
