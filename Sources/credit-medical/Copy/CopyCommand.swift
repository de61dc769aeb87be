import CreditMedicalCore
import CreditMedicalHIS

/// `credit-medical copy --from PATH|URL --to PATH|URL [--json]`: copies a ledger into an empty
/// one (for instance a SQLite file into PostgreSQL) by replaying its journal, checks that the
/// copy equals the source, and audits it; then copies the credit desk's encounters, bills,
/// settlement records and notification outbox, the score records, consent events and enrollment
/// steps, the receivables with the overdue job's record and the write-offs, and the arrears list
/// with the pushes still owed to the registry, checking each against the source.
enum CopyCommand: Command {
    static let usage = CommandUsage(["copy"], "--from PATH|postgres://URL --to PATH|postgres://URL [--json]", """
        Copies a ledger (lines, holds, journal) into an empty one, a SQLite file into
        PostgreSQL say, by replaying its journal; checks that the copy equals the source
        and audits it; then copies the desk's encounters, bills, settlement records and
        notification outbox, the score records, consent events and enrollment steps, the
        receivables with their collection events and write-offs, and the arrears list with
        the registry pushes not yet delivered, each checked against the source.
        """)

    /// What `--json` prints.
    struct Report: Encodable {
        var source: String
        var target: String
        var journalEntries = 0
        var linesAndHoldsEqual = false
        var audit: AuditSummary?
        var desk: DeskCounts?
        var history: HistoryCounts?
        var collection: CollectionCounts?
    }

    /// The receivables, the overdue job's record and the arrears list copied.
    struct CollectionCounts: Encodable {
        var receivables: Int
        var collectionEvents: Int
        var writeOffs: Int
        var arrearsEvents: Int
        var pendingRegistryPushes: Int
    }

    /// The score decisions, consents and enrollments copied.
    struct HistoryCounts: Encodable {
        var scoreRecords: Int
        var consentEvents: Int
        var enrollmentSteps: Int
    }

    /// The desk's paperwork copied.
    struct DeskCounts: Encodable {
        var encounters: Int
        var chargeItems: Int
        var refunds: Int
        var settlementRecords: Int
        var notifications: Int
    }

    static func run(_ commandLine: Arguments) throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        let (from, to) = (try arguments.value("--from"), try arguments.value("--to"))
        try arguments.finish()
        guard let from, let to else { throw UsageError("copy needs --from and --to") }
        let (source, target) = (DatabaseOption(from), DatabaseOption(to))
        var report = Report(source: source.printable, target: target.printable)
        output.say("copying \(report.source) into \(report.target)")
        let (origin, destination) = (try source.openExisting(), try target.open())
        let (sourceLedger, targetLedger) = (origin.ledgerStore, destination.ledgerStore)
        try EncounterCopier.requireEmpty(destination.encounterStore)
        let (scores, consents, enrollments) = copiers(from: origin, to: destination)
        try scores.requireEmpty()
        try consents.requireEmpty()
        try enrollments.requireEmpty()
        let receivables = ReceivableCopier(source: origin.receivableStore, target: destination.receivableStore)
        let arrears = ArrearsCopier(source: origin.arrearsStore, target: destination.arrearsStore)
        try receivables.requireEmpty()
        try arrears.requireEmpty()
        report.journalEntries = try LedgerCopier.copy(from: sourceLedger, to: targetLedger)
        report.linesAndHoldsEqual = try targetLedger.lines(after: nil, limit: .max) == sourceLedger.lines(after: nil, limit: .max)
            && targetLedger.holds(after: nil, limit: .max) == sourceLedger.holds(after: nil, limit: .max)
        let audit = try LedgerAuditor(store: targetLedger).audit()
        report.audit = AuditSummary(audit)
        output.say("copied \(report.journalEntries) journal entries; lines and holds "
            + (report.linesAndHoldsEqual ? "equal the source" : "DIFFER from the source"))
        output.say("audit of the copy: \(audit.isClean ? "clean" : audit.description)")
        if report.linesAndHoldsEqual && audit.isClean {
            let desk = try EncounterCopier.copy(from: origin.encounterStore, to: destination.encounterStore)
            report.desk = DeskCounts(encounters: desk.encounters, chargeItems: desk.items, refunds: desk.refunds,
                                     settlementRecords: desk.settlements, notifications: desk.notifications)
            output.say("copied \(desk.encounters) encounters (\(desk.items) charge items, \(desk.refunds) refunds, \(desk.settlements) "
                + "settlement records, \(desk.notifications) notifications in the outbox); each equals the source")
            let history = HistoryCounts(scoreRecords: try scores.copy(), consentEvents: try consents.copy(), enrollmentSteps: try enrollments.copy())
            report.history = history
            output.say("copied \(history.scoreRecords) score records, \(history.consentEvents) consent events and "
                + "\(history.enrollmentSteps) enrollment steps; each equals the source")
            let copied = try receivables.copy()
            let listed = try arrears.copy()
            report.collection = CollectionCounts(receivables: copied.receivables, collectionEvents: copied.collectionEvents,
                                                 writeOffs: copied.writeOffs, arrearsEvents: listed.steps, pendingRegistryPushes: listed.pendingPushes)
            output.say("copied \(copied.receivables) receivables (\(copied.collectionEvents) collection events, \(copied.writeOffs) write-offs) "
                + "and \(listed.steps) arrears list steps (\(listed.pendingPushes) registry pushes still to send); each equals the source")
        }
        try output.document(report)
        return report.collection == nil ? 1 : 0
    }

    /// The copiers of the history stores from `origin` into `destination`.
    private static func copiers(from origin: any CreditDatabase, to destination: any CreditDatabase)
        -> (HistoryCopier<ScoreRecord>, HistoryCopier<ConsentEvent>, HistoryCopier<EnrollmentStep>) {
        let (sourceScores, targetScores) = (origin.scoreRecordStore, destination.scoreRecordStore)
        let (sourceConsents, targetConsents) = (origin.consentStore, destination.consentStore)
        let (sourceSteps, targetSteps) = (origin.enrollmentStore, destination.enrollmentStore)
        return (HistoryCopier(name: "score_records", source: sourceScores.page, target: targetScores.page, append: { try targetScores.append($0) }),
                HistoryCopier(name: "consent_events", source: sourceConsents.page, target: targetConsents.page, append: targetConsents.append),
                HistoryCopier(name: "enrollment_steps", source: sourceSteps.page, target: targetSteps.page, append: { try targetSteps.append($0) }))
    }
}
