// After the visit (贷后): what two patients owe becomes receivables due in 30 days; Wang pays
// late, is reminded, texted and restricted (emergency care is not), repays at the window and is
// lifted; Li never pays, is put on the arrears list (欠费名单) and pushed to the city's credit
// platform, appeals in vain, repays, waits out the cooling period and is removed, on probation.
import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTesting
import Foundation

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("overdue-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

let database = try SQLiteDatabase(path: directory.appendingPathComponent("credit.sqlite").path)
let clock = ManualClock(Timestamp(millisecondsSince1970: 1_798_761_600_000))  // 2027-01-01
let ledger = Ledger(store: database.ledgerStore, clock: clock)
// Enrollment knows each line's bank and patient; a fake directory stands in for it here.
let lines = FakeCreditLineDirectory()
let sms = FakeNotificationSender()
let bank = FakeCreditProvider()
let registry = FakePublicCreditRegistry()
let subjects = FakeArrearsSubjectDirectory()

// The bank's terms: due 30 days after settlement, 3 days of grace. The Suzhou-style ladder:
// reminders, a text, an app message, a call, suspension on day 30, the limit halved on day 60,
// the bank's collection on day 90, the arrears list on day 120.
let book = ReceivableBook(ledger: ledger, store: database.receivableStore, directory: lines,
                          terms: ["bank-a": try RepaymentTerms(daysToDue: 30, graceDays: 3)], ladder: .suzhouStyle)
let arrears = ArrearsList(configuration: .init(coolingDays: 30), ledger: ledger, store: database.arrearsStore, registry: registry, notices: sms)
let job = OverdueJob(book: book, ladder: .suzhouStyle, notices: sms,
                     listing: ArrearsCollectionListing(arrears: arrears, subjects: subjects, institution: "hospital-1"), bank: bank)

func day(_ day: Int64) async throws {
    clock.set(Timestamp(millisecondsSince1970: 1_798_761_600_000 + day * 86_400_000))
    let report = try await job.run()  // a host runs it daily
    _ = try await arrears.pushPending()
    let steps = report.taken.map { "\($0.key.rawValue) ×\($0.value)" }.sorted().joined(separator: ", ")
    print("day \(day): overdue job looked at \(report.examined)\(steps.isEmpty ? "" : ": \(steps)")\(report.lifted.isEmpty ? "" : ", lifted")")
}

func status(_ line: CreditLineID) throws -> String {
    let credit = try ledger.line(line)!
    let flags = credit.status.isEmpty ? "active" : [(CreditLineStatus.suspended, "suspended"), (.frozen, "frozen")]
        .filter { credit.status.contains($0.0) }.map(\.1).joined(separator: "+")
    return "\(line): limit \(credit.limit), owes \(credit.outstanding), \(flags)"
}

// Two enrolled patients; the desk's checkouts charged their self-pay parts to the lines.
for (patient, visits) in [("wang", [("MZ-1", "300.00"), ("MZ-2", "120.00")]), ("li", [("ZY-7", "2,480.00")])] {
    let line = CreditLineID("line-\(patient)")
    lines.register(line, bank: "bank-a", holder: patient)
    subjects.register(patient, as: ArrearsSubject("subject-\(patient)"))
    try await ledger.execute(.openLine(line, limit: try Money(parsing: "5,000.00")), key: IdempotencyKey("open-\(line)"))
    for (visit, amount) in visits {
        let fen = try Money(parsing: amount)
        try await ledger.execute(.placeHold(HoldID(visit), line: line, amount: fen, expiresAt: nil), key: IdempotencyKey("\(visit)/lock"))
        try await ledger.execute(.captureHold(HoldID(visit), amount: fen), key: IdempotencyKey("\(visit)/settle"))
    }
}
for receivable in try book.statement(of: "line-wang") + book.statement(of: "line-li") {
    print("\(receivable.hold) on \(receivable.line): owes \(receivable.owed), due \(receivable.dueAt.date)")
}

try await day(27)                    // 3 days before the due date: reminders
try await day(34)                    // past the grace period: a text message
try await day(61)                    // 31 days past due: new non-emergency credit suspended
print(try status("line-wang"))
let emergency = try await ledger.execute(.lockUpTo("JZ-1", line: "line-wang", target: try Money(parsing: "80.00"), rule: .emergency), key: "JZ-1/lock")
print("an emergency visit still locks \(emergency.entry.holdAmountAfter!) (急诊不受影响)")
try await ledger.execute(.voidHold("JZ-1"), key: "JZ-1/void")

// Wang repays at the window, part first: the oldest visit is paid first; then the rest online.
_ = try await book.repay(RepaymentRequest(reference: "W-0001", line: "line-wang", amount: try Money(parsing: "350.00"), channel: .hospitalWindow))
print("after ¥350.00: " + (try book.statement(of: "line-wang").map { "\($0.hold) owes \($0.owed)" }.joined(separator: ", ")))
do {
    _ = try await book.repay(RepaymentRequest(reference: "W-0002", line: "line-wang", amount: try Money(parsing: "500.00"), channel: .hospitalWindow))
} catch let error as ReceivableError {
    print("over-payment refused, nothing taken: \(error.code)")
}
_ = try await book.repay(RepaymentRequest(reference: "NET-88", line: "line-wang", amount: try Money(parsing: "70.00"), channel: .internetHospital))
try await day(62)                    // the job lifts the suspension
print(try status("line-wang"))

try await day(151)                   // Li: 120 days past due: the arrears list
let entry = try arrears.entries(of: "li")[0]
print("li listed: \(entry.listing.reason.chinese), \(entry.listing.amount), rule \(entry.listing.rule); "
    + "the registry shows \(try await registry.listings(of: "subject-li").count) listing; the bank took over \(bank.handovers.map(\.hold))")
try arrears.appeal(ArrearsAppeal(id: "AP-1", submittedBy: "li", statement: "我会还款"), against: entry.id)
try arrears.startReview(of: "AP-1", on: entry.id, reviewer: "credit-office")
try await arrears.decide(ArrearsDecision(appeal: "AP-1", reviewer: "credit-office", outcome: .upheld,
                                         reason: BilingualText(chinese: "欠款属实", english: "the debt is real")), on: entry.id)
_ = try await book.repay(RepaymentRequest(reference: "BANK-9", line: "line-li", amount: try Money(parsing: "2,480.00"), channel: .bankApp))
try await day(182)                   // 31 days after full repayment: the cooling period is over
_ = try await arrears.remove(entry.id)
_ = try await arrears.pushPending()
print("li removed; the registry shows \(try await registry.listings(of: "subject-li").count) listing; "
    + "repaired at \(try arrears.repairedAt(line: "line-li")!.date): the next review puts the line on probation")
print(try status("line-li"))

print("\n" + (try CollectionReport(book: book, directory: lines, at: clock.now()).csv), terminator: "")
print("messages: " + sms.delivered.map(\.kind.rawValue).joined(separator: ", "))
let audit = try LedgerAuditor(store: ledger.store).audit()
print("auditor: \(audit.isClean ? "clean" : "VIOLATIONS"); receivables agree with the ledger: \(try book.linesOutOfStep().isEmpty)")
