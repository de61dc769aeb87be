// A family account (信用家庭 / 亲情账号) as a HIS server wires it: an adult child's credit line, their
// elder parent and their child as members with caps, the adult signing the elder's consent (代签),
// both treated at the desk on the adult's line, a refusal past a cap, the adult repaying for the
// elder (代付), and a member who cannot be removed while they owe. Run with `swift run`.
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTesting
import Foundation

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("family-account-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

let database = try SQLiteDatabase(path: directory.appendingPathComponent("his-credit.sqlite").path)
let ledger = Ledger(store: database.ledgerStore)
let parties = FakeParties()
let desk = parties.desk(ledger: ledger, store: database.encounterStore)

// Enrollment gave the adult child (王小明) a ¥5,000.00 line.
try await ledger.execute(.openLine("wang-xiaoming", limit: try Money(parsing: "5,000.00")), key: "enroll/wang-xiaoming")

// Who may act for whom comes from the program's family registrations (a fake here): the adult
// is the elder's child and the child's parent.
let registrations = FakeAgentAuthority()
registrations.register("wang-xiaoming", for: "wang-laoye", as: .child)
registrations.register("wang-xiaoming", for: "wang-xiaobao", as: .parent)
let family = FamilyGroup(guarantor: "wang-xiaoming", ledger: ledger, authority: registrations)

// The members: the adult's father capped at ¥3,000.00, their son at ¥1,000.00.
let elder = try await family.addMember("wang-laoye", as: .parent, cap: try Money(parsing: "3,000.00"))
let child = try await family.addMember("wang-xiaobao", as: .child, cap: try Money(parsing: "1,000.00"))
do {
    try await family.addMember("wang-xiaomei", as: .sibling, cap: try Money(parsing: "6,000.00"))
} catch let error as FamilyError {
    print("a cap above the line is refused: \(error)")
}
for member in try family.members() {
    print("member \(member.patient) (\(member.relation)): cap \(member.cap), treated on line \(member.line.id)")
}

// The elder does not use a phone: the adult signs the consent for them at the kiosk (代签).
let agreement = ConsentDocument(id: "agreement", version: 1, title: BilingualText(chinese: "信用就医服务协议", english: "Credit care agreement"))
let consents = ConsentBook(documents: [agreement], store: InMemoryConsentStore(), authority: registrations, clock: ledger.clock)
let signed = try consents.sign("agreement", version: 1, patient: "wang-laoye", channel: .kiosk,
                               signer: .agent(id: "wang-xiaoming", relation: .child), id: "kiosk/wang-laoye/1")
if case .agent(let agent, let relation) = signed.signer {
    print("the elder's consent is signed at the \(signed.channel.rawValue) by \(agent), their \(relation.rawValue)")
}

func item(_ id: ChargeItemID, _ name: String, _ price: String) throws -> ChargeItem {
    try ChargeItem(id: id, code: "HIS-\(id)", name: name, category: .examination, insuranceClass: .b, quantity: Quantity(units: 1),
                   unitPrice: Money(parsing: price), department: "全科", doctor: "李医生", time: ledger.clock.now())
}

// The elder's visit: treated first, on the member line, settled at the end.
try await desk.open("MZ-101", kind: .outpatient, patient: Patient(id: "wang-laoye", line: elder.line.id), department: "心内科")
try await desk.charge([try item("MZ-101-1", "心电图", "2,400.00")], to: "MZ-101")
let settled = try await desk.checkout("MZ-101")
print("the elder's visit settled: \(settled.total) on credit")

// The child's visit: the first order fits the child's cap, the second one does not.
try await desk.open("MZ-102", kind: .outpatient, patient: Patient(id: "wang-xiaobao", line: child.line.id), department: "儿科")
let first = try await desk.charge([try item("MZ-102-1", "血常规", "800.00")], to: "MZ-102")
print("the child's first order locked \(first.lockedChange); the child may still use \(try family.available(for: "wang-xiaobao"))")
let second = try await desk.charge([try item("MZ-102-2", "胸片", "600.00")], to: "MZ-102")
print("the child's second order locked \(second.lockedChange): the cap allows no more, \(second.encounter.uncovered) is not covered")

let adult = try ledger.line("wang-xiaoming")
print("the adult's line: held \(adult?.held ?? .zero), owed \(adult?.outstanding ?? .zero), available \(adult?.available ?? .zero)")

// The adult pays for the elder (代付); a neighbour may not.
do {
    try await family.repay(try Money(parsing: "100.00"), for: "wang-laoye", by: "neighbour", as: .guardian, key: "pay/neighbour")
} catch let error as FamilyError {
    print("a payer without authority is refused: \(error)")
}
try await family.repay(try Money(parsing: "2,000.00"), for: "wang-laoye", by: "wang-xiaoming", as: .child, key: "pay/MZ-101/1")
print("after paying ¥2,000.00 for the elder, the elder owes \(try family.member("wang-laoye")?.line.outstanding ?? .zero)")

// A member who still owes cannot be removed; the error says what remains.
do {
    try await family.removeMember("wang-laoye")
} catch let error as FamilyError {
    print("removing the elder is refused: \(error)")
}
try await family.repay(try Money(parsing: "400.00"), for: "wang-laoye", by: "wang-xiaoming", as: .child, key: "pay/MZ-101/2")
try await family.removeMember("wang-laoye")
print("the elder repaid in full and was removed: \(try family.member("wang-laoye")?.isRemoved == true)")
print(try LedgerAuditor(store: database.ledgerStore).audit())
