import CreditMedicalCore
import CreditMedicalHIS
import Foundation

/// The demo's visit: enroll, three charges locked as they are ordered, a refund, one settlement
/// where medical insurance pays its part and the rest goes to the credit line, then repayment.
struct OutpatientStory {
    let ledger: Ledger
    let patientNumber: Int

    private var patient: CreditLineID { CreditLineID(String(format: "patient-%06d", patientNumber)) }
    private var encounter: String { String(format: "MZ-%06d", patientNumber) }

    func tell() async throws {
        try await ledger.execute(.openLine(patient, limit: try yuan("5,000.00")), key: IdempotencyKey("enroll/\(patient)"))
        try step("1. \(patient) enrolls (签约) and the bank grants a credit line of ¥5,000.00")

        let visit = EncounterCredit(ledger: ledger, line: patient, encounter: encounter)
        let charges = [("REG-1", "registration (挂号)", "25.00"), ("LAB-1", "blood test (血常规)", "180.50"),
                       ("RX-1", "pharmacy (西药)", "326.80")]
        var total = Money.zero
        for (number, (item, name, amount)) in charges.enumerated() {
            try await visit.lock(try yuan(amount), forItem: item)
            total = try total.adding(try yuan(amount))
            try step("\(number + 2). \(encounter): \(name) ¥\(amount) is locked on the line, no cashier queue")
        }
        let refund = try yuan("48.30")
        try await visit.refund(refund, ofItem: "RX-1")
        total = try total.subtracting(refund)
        try step("5. one medicine is returned (退费): ¥48.30 is released from the hold")

        // The bill comes from the HIS's own charge items, never from the ledger's current state,
        // so a retried or repeated checkout sends the same settlement.
        let insurance = try yuan("262.40")
        let selfPay = try total.subtracting(insurance)
        try await visit.settle(selfPay: selfPay)
        try step("6. checkout: bill \(total.formatted()), medical insurance (医保) pays \(insurance.formatted()), "
            + "self-pay \(selfPay.formatted()) is charged to the line, the rest is released")

        try await ledger.execute(.repay(patient, amount: selfPay), key: IdempotencyKey("repay/\(encounter)"))
        try step("7. the patient repays \(selfPay.formatted()) (还款): the line is whole again at once")
    }

    private func step(_ text: String) throws {
        guard let line = try ledger.line(patient) else { return }
        print(text)
        print("   limit \(line.limit.formatted())  held \(line.held.formatted())  "
            + "outstanding \(line.outstanding.formatted())  available \(line.available.formatted())")
    }

    private func yuan(_ text: String) throws -> Money { try Money(parsing: text) }
}
