import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Foundation

/// What the demo stories share: the desk with its fake parties, a clock that the inpatient story
/// moves a day at a time, printing a step with the line's balances after it, and what the demo
/// did (patients, visits, settlements) for its summary.
final class DemoNarrator {
    /// The personal-account (个人账户) balance the demo's 医保 gives every insured person: the
    /// same in every run, so that a run finishing another's checkout gets the answers the other got.
    static let accountBalance = Money(fen: 12_000)

    let desk: CreditDesk
    let program: DemoProgram
    let parties: FakeParties
    let clock: ManualClock
    let output: Output
    private(set) var patients: [CreditLineID] = []
    private(set) var visits: [EncounterID] = []
    private(set) var settlements: [SettlementRecord] = []

    init(desk: CreditDesk, program: DemoProgram, parties: FakeParties, clock: ManualClock, output: Output) {
        self.desk = desk
        self.program = program
        self.parties = parties
        self.clock = clock
        self.output = output
    }

    var ledger: Ledger { desk.ledger }

    /// Enrolls a new patient through the program (consent, eligibility, score, the bank's line
    /// of `bankLine`): the first `patient-NNNNNN` not taken yet, with a 医保 personal account of
    /// ``accountBalance``. Returns the line and what the enrollment granted.
    func enroll(from number: Int, bankLine: Money, fundMonths: Int) async throws -> (CreditLineID, EnrollmentGrant) {
        for candidate in number..<(number + 100) {
            let line = CreditLineID("patient-\(String(candidate).leftPadded(to: 6))")
            guard !patients.contains(line) else { continue }  // this process's other story has it
            parties.bank.grant(line, limit: bankLine)
            let status: EnrollmentStatus
            do {
                status = try await program.enroll(line.rawValue, line: line, fundMonths: fundMonths, id: "demo-\(line)-\(ProcessID.current)")
            } catch EnrollmentError.Code.lineExists, EnrollmentError.Code.alreadyEnrolled, LedgerError.Code.lineAlreadyExists {
                continue  // another process took this number
            }
            guard case .open(let grant) = status else { throw ToolError(.demoFailed, details: "\(line) was not enrolled: \(status)") }
            parties.medicalInsurance.openAccount(Self.insuranceNumber(of: line), balance: Self.accountBalance)
            patients.append(line)
            return (line, grant)
        }
        throw LedgerError(.lineAlreadyExists, details: "no free patient number near \(number)")
    }

    /// The 医保 number of the patient of `line`.
    static func insuranceNumber(of line: CreditLineID) -> String { "YB-\(line.rawValue)" }

    /// The visit of the patient of `line` that `prefix` names (MZ outpatient, ZY inpatient, JZ
    /// emergency): the prefix and the patient's number, `MZ-000042`.
    static func visit(_ prefix: String, of line: CreditLineID) -> EncounterID {
        EncounterID("\(prefix)-\(line.rawValue.suffix(6))")
    }

    /// Opens the visit `prefix` names (see ``visit(_:of:)``) for the patient of `line` on credit.
    func open(_ prefix: String, kind: EncounterKind, line: CreditLineID, department: String,
              commercialPolicy: String? = nil) async throws -> EncounterID {
        let visit = Self.visit(prefix, of: line)
        let patient = Patient(id: line.rawValue, line: line, medicalInsuranceNumber: Self.insuranceNumber(of: line),
                              commercialPolicy: commercialPolicy)
        try await desk.open(visit, kind: kind, patient: patient, department: department)
        visits.append(visit)
        return visit
    }

    /// Checks `visit` out.
    func checkout(_ visit: EncounterID) async throws -> SettlementRecord {
        let record = try await desk.checkout(visit)
        settlements.append(record)
        return record
    }

    /// Before checkouts an earlier run left are resumed: gives their patients the personal account
    /// every patient of the demo has, as 医保 would know them.
    func prepareToResume() throws {
        let unfinished = Set(SettlementRecord.Step.allCases.filter { !$0.isFinal })
        for record in try desk.store.settlements(in: unfinished, limit: 1_000) {
            if let person = try desk.store.encounter(record.encounter)?.patient.medicalInsuranceNumber {
                parties.medicalInsurance.openAccount(person, balance: Self.accountBalance)
            }
        }
    }

    /// The demo's visits that are not settled: each with its status and its checkout's step.
    func unsettledVisits() throws -> [(visit: EncounterID, status: String, step: String)] {
        try visits.compactMap { visit in
            let status = try desk.store.encounter(visit)?.status
            guard status != .settled else { return nil }
            let step = try desk.store.settlement(of: visit)?.step.rawValue ?? "none"
            return (visit, status?.rawValue ?? "not opened", step)
        }
    }

    /// Prints a line of the story.
    func say(_ text: String) { output.say(text) }

    /// Prints a numbered step and the line after it.
    func step(_ number: Int, _ text: String, line id: CreditLineID) throws {
        say("\(number). \(text)")
        guard let line = try ledger.line(id) else { return }
        say("   line: limit \(line.limit)  held \(line.held)  outstanding \(line.outstanding)  available \(line.available)")
    }

    /// Prints the settlement's parts.
    func show(_ record: SettlementRecord) {
        guard let split = record.split else { return }
        say("   bill \(record.total) = 医保统筹 \(split.fund) + 个人账户 \(split.personalAccount) + 商保 \(split.commercial)"
            + " + credit \(split.credit) + excess \(split.excess)")
    }

    /// Prints the messages the patient of `line` received.
    func showMessages(to line: CreditLineID) {
        let messages = parties.notifications.delivered(to: line.rawValue)
        say("   the patient received \(messages.count) messages: \(messages.map(\.kind.rawValue).joined(separator: ", "))")
    }

    /// A charge item of the demo's catalogue.
    func item(_ id: String, _ name: String, _ category: ChargeCategory, _ insuranceClass: InsuranceClass, quantity: String,
              price: String) throws -> ChargeItem {
        try ChargeItem(id: ChargeItemID(id), code: id, name: name, category: category, insuranceClass: insuranceClass,
                       quantity: Quantity(parsing: quantity), unitPrice: Money(parsing: price), department: "demo", doctor: "Dr. Li",
                       time: clock.now())
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

/// The process id, to keep the keys of processes racing for the same patient number apart.
enum ProcessID {
    static let current = Int(getpid())
}
