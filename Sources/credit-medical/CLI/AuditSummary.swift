import CreditMedicalCore

/// A ledger audit's result as the commands' JSON documents show it.
struct AuditSummary: Encodable {
    var clean: Bool
    var entriesChecked: Int
    var linesChecked: Int
    var holdsChecked: Int
    /// Each violation's description.
    var violations: [String]

    init(_ report: LedgerAuditReport) {
        clean = report.isClean
        entriesChecked = report.entriesChecked
        linesChecked = report.linesChecked
        holdsChecked = report.holdsChecked
        violations = report.violations.map(\.description)
    }
}
