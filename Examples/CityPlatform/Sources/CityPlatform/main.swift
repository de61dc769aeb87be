// A city platform as one deployment serves it: two hospitals (a district hospital that partners
// with one bank, a tertiary hospital that takes every bank's lines), two banks, and one patient
// who enrolls at both banks, then is treated at each hospital on the line of their choice. Each
// bank advances its own lines' visits to the hospital that treated them, repayments come from
// both banks, and the activity report is per hospital and bank. Run with `swift run`.
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTesting
import Foundation

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("city-platform-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let database = try SQLiteDatabase(path: directory.appendingPathComponent("platform.sqlite").path)
let clock = ManualClock(SystemClock().now())
let ledger = Ledger(store: database.ledgerStore, clock: clock)

// The platform's program: one consent, Xiamen-style eligibility and tiers, a one-feature
// scorecard, a data source that knows the patient, and two banks (fakes of their systems).
let consent = ConsentDocument(id: "platform-agreement", version: 1, title: BilingualText(chinese: "信用就医服务协议", english: "Credit care agreement"))
let card = Scorecard(id: "city", version: "1", baseScore: 700, features: [
    Scorecard.Feature(name: "housing_fund_months", kind: .numeric, bins: [Scorecard.Bin(upTo: 24, points: 0), Scorecard.Bin(points: 60)],
                      missing: Scorecard.Bin(points: 0)),
])
let source = FakeCreditDataSource(featureNames: ["medical_insurance_region", "medical_insurance_status", "housing_fund_months"])
source.set(["medical_insurance_region": .category("local"), "medical_insurance_status": .category("normal"),
            "housing_fund_months": .number(60)], for: "chen-jing")
let (industrialBank, cityBank) = (FakeCreditProvider(), FakeCreditProvider())
industrialBank.grant("ICB-0001", limit: try Money(parsing: "20,000.00"))
cityBank.grant("XMB-0001", limit: try Money(parsing: "8,000.00"))
let banks: [String: any CreditProviderAdapter] = ["industrial-bank": industrialBank, "city-bank": cityBank]
let enrollment = CreditEnrollment(
    configuration: .init(consentDocument: consent.id, eligibility: .xiamenStyle, limits: .xiamenStyle),
    consents: ConsentBook(documents: [consent], store: database.consentStore, authority: FakeAgentAuthority(), clock: clock),
    scoring: CreditScoring(sources: [source], scorer: try ScorecardScorer(card), records: database.scoreRecordStore, clock: clock),
    banks: banks, ledger: ledger, store: database.enrollmentStore)

// The patient signs once on the platform's mini-program and enrolls at both banks.
_ = try enrollment.consents.sign(consent.id, version: 1, patient: "chen-jing", channel: .miniProgram, signer: .patient, id: "sign-1")
for (bank, line) in [("industrial-bank", "ICB-0001"), ("city-bank", "XMB-0001")] as [(String, CreditLineID)] {
    let status = try await enrollment.enroll(EnrollmentRequest(id: "enroll-\(line)", patient: "chen-jing", bank: bank, line: line))
    if case .open(let grant) = status { print("\(bank) line \(line): score \(grant.score), tier \(grant.tier), limit \(grant.limit)") }
}

// One router for both banks: each line's calls go to the bank the enrollment names.
let router = CreditProviderRouter(banks: banks, directory: enrollment)
let (insurer, commercial, notices) = (FakeMedicalInsurance(), FakeCommercialInsurance(), FakeNotificationSender())
func desk(_ hospital: InstitutionID, banks: Set<String>?) -> CreditDesk {
    CreditDesk(ledger: ledger, store: database.encounterStore, medicalInsurance: insurer, commercialInsurance: commercial, bank: router,
               notifications: notices,
               configuration: .init(institution: hospital, acceptedLines: LineAcceptance(directory: enrollment, banks: banks)))
}
let district = desk("siming-district-hospital", banks: ["city-bank"])
let tertiary = desk("zhongshan-hospital", banks: nil)

func item(_ id: ChargeItemID, _ name: String, _ price: String) throws -> ChargeItem {
    try ChargeItem(id: id, code: "HIS-\(id)", name: name, category: .examination, insuranceClass: .b, quantity: Quantity(units: 1),
                   unitPrice: Money(parsing: price), department: "全科", doctor: "林医生", time: clock.now())
}

// At the district hospital the industrial bank's line is not taken; the city bank's is.
do {
    try await district.open("SM-1", kind: .outpatient, patient: Patient(id: "chen-jing", line: "ICB-0001"), department: "全科")
} catch let error as BillingError {
    print("the district hospital refuses the industrial bank's line: \(error)")
}
try await district.open("SM-1", kind: .outpatient, patient: Patient(id: "chen-jing", line: "XMB-0001"), department: "全科")
_ = try await district.charge([try item("SM-1-1", "血糖检测", "320.00")], to: "SM-1")
_ = try await district.checkout("SM-1")

// At the tertiary hospital the patient chooses the larger line.
try await tertiary.open("ZS-1", kind: .outpatient, patient: Patient(id: "chen-jing", line: "ICB-0001"), department: "心内科")
_ = try await tertiary.charge([try item("ZS-1-1", "冠脉CT", "1,860.00")], to: "ZS-1")
_ = try await tertiary.checkout("ZS-1")

for (name, bank) in [("industrial bank", industrialBank), ("city bank", cityBank)] {
    for advance in bank.advanceRequests {
        print("\(name) advances \(advance.amount) for \(advance.encounter) to \(advance.institution)")
    }
}

// Repayments arrive at both banks; one collection applies both.
industrialBank.receiveRepayment(RepaymentNotice(id: "R-1", line: "ICB-0001", amount: try Money(parsing: "100.00"), receivedAt: clock.now()))
cityBank.receiveRepayment(RepaymentNotice(id: "R-1", line: "XMB-0001", amount: try Money(parsing: "50.00"), receivedAt: clock.now()))
for (notice, result) in try await ledger.collectRepayments(from: router) {
    print("repayment \(notice.id) of \(notice.amount) on \(notice.line): \((try? result.get()) == nil ? "refused" : "applied")")
}

print("\nactivity per hospital and bank:")
print(try CreditActivityReport(store: database.encounterStore, directory: enrollment).csv, terminator: "")
print(try LedgerAuditor(store: database.ledgerStore).audit())
