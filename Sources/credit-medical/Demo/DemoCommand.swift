import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting

/// `credit-medical demo [--database PATH|URL] [--json]`: an outpatient visit, a five-day
/// inpatient stay on credit and what comes after (repayment, collection, the arrears list), told
/// step by step, with fake insurers, bank and notifications, on a
/// SQLite file or a PostgreSQL database. It first finishes the checkouts earlier runs left
/// (`resumeCheckouts()`) and says what became of them; it ends with every visit of its own
/// settled, or says which is not and exits with 1 (`--unreachable-insurer` shows that).
enum DemoCommand: Command {
    static let usage = CommandUsage(["demo"], "[--database PATH|postgres://URL] [--unreachable-insurer] [--json]", """
        An outpatient visit, a five-day inpatient stay on credit and what comes after
        (repayment, collection, the arrears list), step by step, on a
        SQLite file (default ./credit-medical.sqlite) or a PostgreSQL database. Each run
        enrolls new patients, and first finishes the checkouts an earlier run left.
        --unreachable-insurer: 医保 does not answer the outpatient checkout; the demo says
        which visit is left unsettled and exits with 1, and the next run finishes it.
        """)

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        let database = try DatabaseOption(&arguments)
        let unreachableInsurer = arguments.flag("--unreachable-insurer")
        try arguments.finish()
        let opened = try database.open()
        let clock = ManualClock(SystemClock().now())
        let parties = FakeParties(medical: .init(deductible: Money(fen: 20_000), classBPermille: 700),
                                  commercial: .init(permille: 500, perClaimCap: Money(fen: 50_000)))
        let ledger = Ledger(store: opened.ledgerStore, clock: clock)
        let program = try DemoProgram(database: opened, ledger: ledger, bank: parties.bank, clock: clock)
        let narrator = DemoNarrator(desk: parties.desk(ledger: ledger, store: opened.encounterStore), program: program, parties: parties,
                                    clock: clock, output: output)

        output.say("CreditMedical demo: treat first, pay later (先诊疗后付费), database \(database.printable)\n")
        try narrator.prepareToResume()
        let resumed = try await narrator.desk.resumeCheckouts()
        say(resumed, to: output)
        if unreachableInsurer { parties.medicalInsurance.inject(.unavailable) }

        let number = try lineCount(of: opened.ledgerStore) + 1
        var failure: (any Error)?
        do {
            output.say("\nAn outpatient visit")
            try await OutpatientStory(narrator: narrator, patientNumber: number).tell()
            output.say("\nA five-day inpatient stay (the demo's clock moves a day at a time)")
            try await InpatientStory(narrator: narrator, patientNumber: number + 1).tell()
            output.say("\nAfter the visit: repayment, collection and the arrears list (the demo's clock moves on five months)")
            try await CollectionStory(narrator: narrator, database: opened, patientNumber: number + 2).tell()
        } catch {
            failure = error
        }
        let unsettled = try narrator.unsettledVisits()
        for visit in unsettled {
            Output.standardError("\(visit.visit) is not settled: it is \(visit.status), its checkout at step \(visit.step); "
                + "`credit-medical checkouts` lists it and the next run of the demo finishes it")
        }
        if let failure { throw failure }

        let snapshot = try database.snapshot()
        defer { snapshot.close() }
        let audit = try LedgerAuditor(store: snapshot.reader).audit()
        output.say("\nAuditor: \(audit.isClean ? "clean" : "VIOLATIONS"), \(audit.entriesChecked) journal entries, "
            + "\(audit.linesChecked) lines and \(audit.holdsChecked) holds checked")
        if !audit.isClean { output.say(audit.description) }
        try output.document(DemoReport(
            database: database.printable, resumed: DemoReport.Resumed(resumed), patients: narrator.patients.map(\.rawValue),
            encounters: narrator.visits.map(\.rawValue), settlements: narrator.settlements.map(CheckoutSummary.init),
            unsettled: unsettled.map { DemoReport.Unsettled(encounter: $0.visit.rawValue, status: $0.status, step: $0.step) },
            audit: AuditSummary(audit)))
        return audit.isClean && unsettled.isEmpty ? 0 : 1
    }

    /// Says what resuming the earlier runs' checkouts did.
    private static func say(_ report: CheckoutResumeReport, to output: Output) {
        let all = report.finished.count + report.compensated.count + report.needsAttention.count + report.deferred.count
        guard all > 0 else { return output.say("Earlier runs left no unfinished checkout.") }
        func list(_ records: [SettlementRecord]) -> String {
            records.isEmpty ? "" : " (\(records.map(\.encounter.rawValue).joined(separator: ", ")))"
        }
        output.say("Checkouts an earlier run left, resumed (resumeCheckouts): \(report.finished.count) finished\(list(report.finished)), "
            + "\(report.compensated.count) compensated\(list(report.compensated)), "
            + "\(report.needsAttention.count) need attention\(list(report.needsAttention)), \(report.deferred.count) to be tried again")
        for record in report.needsAttention {
            output.say("   \(record.encounter) is parked for an operator: \(record.attention?.reason ?? "")")
        }
        for deferred in report.deferred {
            output.say("   \(deferred.record.encounter) is tried again next time: \(deferred.failure)")
        }
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
