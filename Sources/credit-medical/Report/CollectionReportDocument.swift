import CreditMedicalCore

/// What `report --json` prints: the time, and one object per institution and bank with money in
/// fen and rates in thousandths, keys as in the CSV.
struct CollectionReportDocument: Encodable {
    struct Row: Encodable {
        var institution: String
        var bank: String
        var receivables: Int
        var overdue: Int
        var principalFen: Int64
        var repaidFen: Int64
        var writtenOffFen: Int64
        var owedFen: Int64
        var agingFen: [String: Int64]
        var insuranceClaimsFen: Int64
        var subsidiesFen: Int64
        var collectionRatePermille: Int64
        var overdueRatePermille: Int64
        var listedLines: Int
    }

    var database: String
    var at: String
    var rows: [Row]

    init(_ report: CollectionReport, database: String) {
        self.database = database
        at = "\(report.at.date)"
        rows = report.rows.map { row in
            let aging = row.aging
            return Row(institution: row.institution, bank: row.bank, receivables: row.receivables, overdue: row.overdue,
                       principalFen: row.principal.fen, repaidFen: row.repaid.fen, writtenOffFen: row.writtenOff.fen, owedFen: row.owed.fen,
                       agingFen: ["current": aging.current.fen, "1-30": aging.days1To30.fen, "31-60": aging.days31To60.fen,
                                  "61-90": aging.days61To90.fen, "90+": aging.over90.fen],
                       insuranceClaimsFen: row.insuranceClaims.fen, subsidiesFen: row.subsidies.fen,
                       collectionRatePermille: row.collectionRatePermille, overdueRatePermille: row.overdueRatePermille,
                       listedLines: row.listedLines)
        }
    }
}
