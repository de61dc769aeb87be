// An outpatient visit on credit (先诊疗后付费) as a HIS server wires it: one SQLite file for the
// ledger and the desk's paperwork, the desk with the hospital's adapters (fakes here), orders
// locked as the doctor makes them, a refund, one checkout that survives an insurer's timeout,
// and the patient's repayment. Run with `swift run`.
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTesting
import Foundation

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("outpatient-visit-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

// One database and one ledger per process; the desk shares them between all request handlers.
let database = try SQLiteDatabase(path: directory.appendingPathComponent("his-credit.sqlite").path)
let ledger = Ledger(store: database.ledgerStore)
// A HIS passes its own adapters: its region's 医保 interface, the insurer, the bank, its SMS gateway.
let parties = FakeParties(medical: .init(deductible: Money(fen: 10_000), classBPermille: 800),
                          commercial: .init(permille: 500, perClaimCap: Money(fen: 100_000)))
let desk = CreditDesk(ledger: ledger, store: database.encounterStore, medicalInsurance: parties.medicalInsurance,
                      commercialInsurance: parties.commercialInsurance, bank: parties.bank,
                      notifications: parties.notifications, configuration: .init(excessPolicy: .lockAvailable))

// At start-up, finish whatever checkout a crash interrupted.
let resumed = try await desk.resumeCheckouts()
print("interrupted checkouts: \(resumed)")

// Enrollment (签约) gave the patient a ¥2,000.00 line; the desk only needs its id.
try await ledger.execute(.openLine("patient-0042", limit: try Money(parsing: "2,000.00")), key: "enroll/patient-0042")
let patient = Patient(id: "patient-0042", line: "patient-0042", medicalInsuranceNumber: "YB-3201-0042", commercialPolicy: "SB-88")
parties.medicalInsurance.openAccount("YB-3201-0042", balance: try Money(parsing: "50.00"))

func item(_ id: ChargeItemID, _ name: String, _ category: ChargeCategory, _ insuranceClass: InsuranceClass,
          _ quantity: String, _ price: String) throws -> ChargeItem {
    try ChargeItem(id: id, code: "HIS-\(id)", name: name, category: category, insuranceClass: insuranceClass,
                   quantity: Quantity(parsing: quantity), unitPrice: Money(parsing: price), department: "呼吸内科",
                   doctor: "张医生", time: ledger.clock.now())
}

func show(_ what: String, _ outcome: CreditOutcome) {
    print("\(what): locked \(outcome.lockedChange), excess \(outcome.excessChange), available \(outcome.available.map(\.description) ?? "-")")
}

// 挂号: the encounter opens on credit; no deposit and no cashier queue.
try await desk.open("MZ-20261125-0007", kind: .outpatient, patient: patient, department: "呼吸内科")

// Each order (医嘱) is a batch of charge items; the desk locks them on the line at once and
// tells the patient. The HIS's item ids make a retried call harmless.
show("registration", try await desk.charge([try item("REG-1", "挂号费", .registration, .a, "1", "12.00")], to: "MZ-20261125-0007"))
let tests = [try item("LAB-1", "血常规", .laboratory, .a, "1", "25.00"), try item("CT-1", "胸部CT平扫", .imaging, .b, "1", "1,380.00")]
show("tests", try await desk.charge(tests, to: "MZ-20261125-0007"))
show("tests again (a retry)", try await desk.charge(tests, to: "MZ-20261125-0007"))
// ¥1,417.00 is locked; the medicine (¥754.00) is ¥171.00 more than the line has left: that is excess.
let drugs = [try item("RX-1", "布地奈德混悬液", .westernDrug, .b, "6", "96.50"), try item("RX-2", "止咳糖浆", .chinesePatentDrug, .c, "2", "87.50")]
show("medicine", try await desk.charge(drugs, to: "MZ-20261125-0007"))
// 退费: the patient returns one bottle of syrup; the excess shrinks first.
show("refund", try await desk.refund(ChargeRefund(id: "RF-1", item: "RX-2", quantity: try Quantity(parsing: "1"),
                                                  time: ledger.clock.now()), in: "MZ-20261125-0007"))

// Checkout. 医保 times out once after applying the settlement: calling checkout again repeats
// the same request id, and the insurer answers as the first time; nothing is paid twice.
parties.medicalInsurance.inject(.timeoutAfterApplying)
var record: SettlementRecord
do {
    record = try await desk.checkout("MZ-20261125-0007")
} catch let error as AdapterError where error.code == .timeout {
    print("医保 timed out (\(error.code)); checking out again")
    record = try await desk.checkout("MZ-20261125-0007")
}
if let split = record.split {
    print("settled \(record.total): fund \(split.fund), personal account \(split.personalAccount), 商保 \(split.commercial), "
        + "credit \(split.credit), pay now \(split.excess); 医保 applied \(parties.medicalInsurance.appliedCount) settlement")
}
print(FeeNotice(bill: try desk.bill(of: "MZ-20261125-0007"), split: record.split).text)
for advance in parties.bank.advanceRequests {
    print("bank advance requested: \(advance.amount), due \(advance.dueBy.date)")
}

// The bank tells the desk the patient repaid; the line is whole again at once.
parties.bank.receiveRepayment(RepaymentNotice(id: "BANK-20261126-001", line: "patient-0042",
                                              amount: record.split?.credit ?? .zero, receivedAt: ledger.clock.now()))
try await ledger.collectRepayments(from: parties.bank)
print("after repayment: available \(try ledger.line("patient-0042")?.available.description ?? "-")")
print("the patient got: " + parties.notifications.delivered(to: "patient-0042").map(\.kind.rawValue).joined(separator: ", "))
let audit = try LedgerAuditor(store: ledger.store).audit()
print("auditor: \(audit.isClean ? "clean" : "VIOLATIONS")")
