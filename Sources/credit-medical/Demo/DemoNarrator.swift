import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Foundation

/// What the demo stories share: the desk with its fake parties, a clock that the inpatient story
/// moves a day at a time, and printing a step with the line's balances after it.
struct DemoNarrator {
    let desk: CreditDesk
    let parties: FakeParties
    let clock: ManualClock

    var ledger: Ledger { desk.ledger }

    /// Enrolls a new patient: the first `patient-NNNNNN` line not taken yet, with `limit`.
    func enroll(from number: Int, limit: Money) async throws -> CreditLineID {
        for candidate in number..<(number + 100) {
            let line = CreditLineID("patient-\(String(candidate).leftPadded(to: 6))")
            do {
                try await ledger.execute(.openLine(line, limit: limit), key: IdempotencyKey("enroll/\(line)/\(ProcessID.current)"))
                parties.bank.grant(line, limit: limit)
                return line
            } catch LedgerError.Code.lineAlreadyExists {
                continue  // another process took this number
            } catch LedgerError.Code.idempotencyConflict {
                continue  // this process took it for its other story
            }
        }
        throw LedgerError(.lineAlreadyExists, details: "no free patient number near \(number)")
    }

    /// Prints a numbered step and the line after it.
    func step(_ number: Int, _ text: String, line id: CreditLineID) throws {
        print("\(number). \(text)")
        guard let line = try ledger.line(id) else { return }
        print("   line: limit \(line.limit)  held \(line.held)  outstanding \(line.outstanding)  available \(line.available)")
    }

    /// Prints the settlement's parts.
    func show(_ record: SettlementRecord) {
        guard let split = record.split else { return }
        print("   bill \(record.total) = 医保统筹 \(split.fund) + 个人账户 \(split.personalAccount) + 商保 \(split.commercial)"
            + " + credit \(split.credit) + excess \(split.excess)")
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
