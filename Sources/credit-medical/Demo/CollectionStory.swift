import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting

/// The demo's back half (贷后): a visit's self-pay part becomes a receivable due in 30 days; the
/// patient pays late, is reminded, texted and restricted (an emergency visit is not), repays at
/// the window and is lifted; a second patient never pays, is listed on the arrears list and
/// pushed to the city's registry, is refused a credit visit, repays and is removed after the
/// cooling period. The demo's clock moves a day at a time through five months.
struct CollectionStory {
    let narrator: DemoNarrator
    let database: any CreditDatabase
    let patientNumber: Int

    func tell() async throws {
        let ledger = narrator.ledger
        let notices = narrator.parties.notifications
        let subjects = FakeArrearsSubjectDirectory()
        let arrears = ArrearsList(configuration: .init(coolingDays: 30), ledger: ledger, store: database.arrearsStore,
                                  registry: FakePublicCreditRegistry(), notices: notices)
        let book = ReceivableBook(ledger: ledger, store: database.receivableStore, directory: narrator.program.enrollment, ladder: .suzhouStyle)
        let job = OverdueJob(book: book, ladder: .suzhouStyle, notices: notices, listing: ArrearsCollectionListing(arrears: arrears, subjects: subjects),
                             bank: narrator.parties.bank)
        let desk = narrator.parties.desk(ledger: ledger, store: narrator.desk.store,
                                         configuration: .init(arrears: ArrearsScreening(list: arrears, subjects: subjects)))
        let start = narrator.clock.now()
        func day(_ day: Int64) async throws -> OverdueJob.Report {
            narrator.clock.set(start.adding(seconds: day * 86_400))
            let report = try await job.run()
            _ = try await arrears.pushPending()
            return report
        }

        let (wang, _) = try await narrator.enroll(from: patientNumber, bankLine: Money(parsing: "5,000.00"), fundMonths: 72)
        let (li, _) = try await narrator.enroll(from: patientNumber + 1, bankLine: Money(parsing: "5,000.00"), fundMonths: 72)
        for line in [wang, li] { subjects.register(line.rawValue, as: ArrearsSubject("subject-\(line.rawValue)")) }
        for line in [wang, li] {
            let visit = try await narrator.open("MZ", kind: .outpatient, line: line, department: "皮肤科")
            try await narrator.desk.charge([try narrator.item("DERM-\(visit)", "激光治疗", .treatment, .c, quantity: "1", price: "680.00")], to: visit)
            _ = try await narrator.checkout(visit)
        }
        let receivable = try book.statement(of: wang)[0]
        try narrator.step(1, "\(wang) and \(li) are treated; each self-pay part is a receivable (应还款): \(receivable.hold) owes "
            + "\(receivable.owed), due \(receivable.dueAt.date) (30 days), 3 days' grace", line: wang)

        _ = try await day(27)
        _ = try await day(34)
        try narrator.step(2, "day 27 a reminder, day 34 (past the grace period) a text message (短信催收)", line: wang)
        _ = try await day(45)
        _ = try await day(61)
        try narrator.step(3, "day 45 a member of staff is asked to call; day 61 (31 days past due) new non-emergency credit is suspended",
                          line: wang)
        let emergency = try await narrator.open("JZ", kind: .emergency, line: wang, department: "急诊")
        let locked = try await narrator.desk.charge([try narrator.item("ER-\(emergency)", "急诊处置", .treatment, .a, quantity: "1", price: "95.00")], to: emergency)
        _ = try await narrator.checkout(emergency)
        try narrator.step(4, "an emergency visit still locks \(locked.lockedChange) (急诊不受催收影响)", line: wang)

        let half = Money(fen: receivable.owed.fen / 2)
        _ = try await book.repay(RepaymentRequest(reference: "W-\(wang.rawValue)", line: wang, amount: half, channel: .hospitalWindow))
        let rest = try ledger.line(wang)?.outstanding ?? .zero
        _ = try await book.repay(RepaymentRequest(reference: "NET-\(wang.rawValue)", line: wang, amount: rest, channel: .internetHospital))
        let lifted = try await day(62)
        try narrator.step(5, "\(half) repaid at the window (oldest visit first), \(rest) at the internet hospital; the next run lifts "
            + "the suspension (\(lifted.lifted.contains(wang) ? "lifted" : "not lifted"))", line: wang)
        narrator.showMessages(to: wang)

        _ = try await day(151)
        guard let entry = try arrears.entries(of: li.rawValue).first else { throw ToolError(.demoFailed, details: "\(li) was not listed") }
        try narrator.step(6, "day 151: \(li) owes \(entry.listing.amount) 120 days past due and is put on the arrears list (欠费名单), "
            + "pushed to the city's credit platform; the line is frozen", line: li)
        do {
            try await desk.open(DemoNarrator.visit("MZ2", of: li), kind: .outpatient,
                                patient: Patient(id: li.rawValue, line: li), department: "内科")
        } catch BillingError.Code.patientListed {
            narrator.say("   a new credit visit is refused (billing.patient_listed); emergencies are not")
        }
        _ = try await book.repay(RepaymentRequest(reference: "BANK-\(li.rawValue)", line: li, amount: entry.listing.amount, channel: .bankApp))
        _ = try await day(182)
        do {
            _ = try await arrears.remove(entry.id)
        } catch let error as ArrearsError where error.code == .coolingPeriod {
            // Another demo on this database, its clock elsewhere in time, listed the patient later:
            // wait out the cooling period from there.
            guard let removable = error.context["removable_at"].flatMap(Int64.init) else { throw error }
            narrator.clock.set(Timestamp(millisecondsSince1970: removable))
            _ = try await arrears.remove(entry.id)
        }
        _ = try await arrears.pushPending()
        try narrator.step(7, "\(li) repays through the bank's app; after 30 days' cooling the entry is removed everywhere, and the line "
            + "goes on probation at its next review (信用修复)", line: li)
        let report = try CollectionReport(book: book, directory: narrator.program.enrollment, at: narrator.clock.now())
        let totals = report.rows.reduce((0, 0)) { ($0.0 + $1.receivables, $0.1 + $1.overdue) }
        narrator.say("   the collection report: \(totals.0) receivables in this database, \(totals.1) overdue "
            + "(`credit-medical report` prints it per institution and bank)")
    }
}
