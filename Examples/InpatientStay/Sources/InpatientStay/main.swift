// An inpatient stay on credit as a HIS server wires it: admission without a deposit (住院免押金),
// charges recorded as they happen, one daily bill (日清单) a day that grows the hold until the
// line is exhausted, a refund during the stay, one settlement at discharge (出院结算), and the
// bank's advance tracked until it is paid. Run with `swift run`.
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTesting
import Foundation

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inpatient-stay-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

// Time is injected: the example moves a manual clock through the stay. A server passes
// `SystemClock()` (the default).
let clock = ManualClock(Timestamp(Date(timeIntervalSince1970: 1_795_564_800)))   // 2026-11-25 08:00 in Shanghai
let database = try SQLiteDatabase(path: directory.appendingPathComponent("his-credit.sqlite").path)
let ledger = Ledger(store: database.ledgerStore, clock: clock)
let parties = FakeParties(medical: .init(deductible: Money(fen: 80_000), classBPermille: 700))
// Daily bills close at 18:00 in this hospital (the default is midnight, Asia/Shanghai).
let calendar = BillingCalendar(cutAfterMidnight: 18 * 3600)
let desk = CreditDesk(ledger: ledger, store: database.encounterStore, medicalInsurance: parties.medicalInsurance, commercialInsurance: nil,
                      bank: parties.bank, notifications: parties.notifications, configuration: .init(calendar: calendar))

try await ledger.execute(.openLine("patient-0077", limit: try Money(parsing: "3,000.00")), key: "enroll/patient-0077")
let patient = Patient(id: "patient-0077", line: "patient-0077", medicalInsuranceNumber: "YB-3201-0077")
let stay: EncounterID = "ZY-2026-0311"
try await desk.open(stay, kind: .inpatient, patient: patient, department: "骨科")
print("admitted \(stay) on credit, no deposit; line available \(try ledger.line("patient-0077")?.available.description ?? "-")")

func item(_ id: String, _ name: String, _ category: ChargeCategory, _ insuranceClass: InsuranceClass, _ quantity: String,
          _ price: String) throws -> ChargeItem {
    try ChargeItem(id: ChargeItemID(id), code: "HIS-\(id)", name: name, category: category, insuranceClass: insuranceClass,
                   quantity: Quantity(parsing: quantity), unitPrice: Money(parsing: price), department: "骨科", doctor: "陈医生",
                   time: clock.now())
}

for day in 1...5 {
    // Morning: the ward charges the day's bed, nursing and drugs; day 2 is the operation.
    var items = [try item("BED-\(day)", "床位费", .bed, .a, "1", "50.00"), try item("NUR-\(day)", "一级护理", .nursing, .a, "1", "38.00"),
                 try item("IV-\(day)", "头孢曲松钠", .westernDrug, .b, "2", "126.30"),
                 try item("MAT-\(day)", "一次性输液器", .material, .c, "2.5", "7.60")]
    if day == 2 { items.append(try item("OP-1", "股骨骨折切开复位内固定术", .surgery, .b, "1", "2,680.00")) }
    try await desk.charge(items, to: stay)
    if day == 4 {
        // One dose of day 3 was not given: refunded (退费), the hold shrinks.
        try await desk.refund(ChargeRefund(id: "RF-IV-3", item: "IV-3", quantity: try Quantity(parsing: "1"), time: clock.now()), in: stay)
    }
    // 18:00: the day's bill closes and is brought to credit.
    clock.advance(seconds: 10 * 3600)
    let outcome = try await desk.closeDays(of: stay, through: calendar.day(of: clock.now().adding(seconds: -1)))
    print("day \(day): daily bill locks \(outcome.lockedChange), excess \(outcome.excessChange) (beyond the line so far: \(outcome.encounter.uncovered))")
    clock.advance(seconds: 14 * 3600)
}

// Discharge: one settlement for the whole stay.
let record = try await desk.checkout(stay)
let bill = try desk.bill(of: stay)
for day in bill.daily(in: calendar) {
    print("  日清单 \(day.day): \(day.items.count) items, \(day.refunds.count) refunds, \(day.total)")
}
if let split = record.split {
    print("discharged: bill \(record.total) = 医保 fund \(split.fund) + personal account \(split.personalAccount) "
        + "+ credit \(split.credit) + pay now \(split.excess)")
}
print("the patient got: " + parties.notifications.delivered(to: "patient-0077").map(\.kind.rawValue).joined(separator: ", "))

// The bank must advance the credit part within 24 hours; finance sees late advances.
clock.advance(seconds: 25 * 3600)
for late in try desk.overdueAdvances() {
    print("advance for \(late.encounter) overdue since \(late.advanceDueBy?.date.description ?? "-")")
}
parties.bank.payAdvances(at: clock.now())
let unpaid = try await desk.refreshAdvances()
print("after the bank paid: \(unpaid.count) advances unpaid, \(try desk.overdueAdvances().count) overdue")
print("auditor: \(try LedgerAuditor(store: ledger.store).audit().isClean ? "clean" : "VIOLATIONS")")
