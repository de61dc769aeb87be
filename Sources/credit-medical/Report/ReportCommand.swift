import CreditMedicalCore
import CreditMedicalHIS
import Foundation

/// `credit-medical report [--database PATH|URL] [--csv] [--json]`: how repayment and collection
/// stand per institution and bank (aging, collection and overdue rates, write-offs, lines on the
/// arrears list), as a table, CSV or JSON.
enum ReportCommand: Command {
    static let usage = CommandUsage(["report"], "[--database PATH|postgres://URL] [--csv] [--json]", """
        How repayment and collection stand per institution and bank: receivables, overdue,
        what is owed by aging bucket (current, 1-30, 31-60, 61-90, over 90 days), collection
        and overdue rates, write-offs with the credit insurer's and the subsidy's parts, and
        lines on the arrears list. Brings the receivables up to the ledger's journal first (its
        only write); --csv prints the rows as CSV.
        """)

    static func run(_ commandLine: Arguments) throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        let location = try DatabaseOption(&arguments)
        let csv = arguments.flag("--csv")
        try arguments.finish()
        let database = try location.openExisting()
        let ledger = Ledger(store: database.ledgerStore)
        let directory = EnrollmentDirectory(store: database.enrollmentStore, ledger: database.ledgerStore)
        let book = ReceivableBook(ledger: ledger, store: database.receivableStore, directory: directory)
        let report = try CollectionReport(book: book, directory: directory, at: ledger.clock.now(),
                                          listed: database.arrearsStore.linesWithStandingEntries())
        if csv {
            output.say(String(report.csv.dropLast()))
        } else {
            output.say("\(location.printable): collection at \(report.at.date)")
            for row in report.rows {
                output.say("\(row.institution) / \(row.bank): \(row.receivables) receivables, \(row.overdue) overdue; owed \(row.owed) "
                    + "(current \(row.aging.current), 1-30 \(row.aging.days1To30), 31-60 \(row.aging.days31To60), "
                    + "61-90 \(row.aging.days61To90), 90+ \(row.aging.over90)); collection rate \(percent(row.collectionRatePermille)), "
                    + "overdue rate \(percent(row.overdueRatePermille)); written off \(row.writtenOff) (insurer \(row.insuranceClaims), "
                    + "subsidy \(row.subsidies)); \(row.listedLines) lines on the arrears list")
            }
            if report.rows.isEmpty { output.say("no receivables") }
        }
        try output.document(CollectionReportDocument(report, database: location.printable))
        return 0
    }

    private static func percent(_ permille: Int64) -> String { String(format: "%.1f %%", Double(permille) / 10) }
}
