import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting

/// The demo's outpatient visit: enroll, three orders locked on the line as they are made, a
/// refund, one settlement with 医保 and 商保, the bank's advance, and repayment.
struct OutpatientStory {
    let narrator: DemoNarrator
    let patientNumber: Int

    func tell() async throws {
        let desk = narrator.desk
        let (line, grant) = try await narrator.enroll(from: patientNumber, bankLine: Money(parsing: "5,000.00"), fundMonths: 72)
        try narrator.step(1, "\(line) enrolls (签约): signs on the mini-program, is eligible, scores \(grant.score) (tier \(grant.tier)); "
            + "the bank's line of \(grant.bankLimit) gives a limit of \(grant.limit)", line: line)
        let visit = try await narrator.open("MZ", kind: .outpatient, line: line, department: "内科", commercialPolicy: "SB-\(line.rawValue)")
        try narrator.step(2, "\(visit) opens at 内科 on credit: no deposit, no cashier queue", line: line)

        let orders: [(String, [ChargeItem])] = [
            ("registration and consultation", [try narrator.item("REG", "挂号费", .registration, .a, quantity: "1", price: "25.00"),
                                               try narrator.item("DOC", "诊查费", .consultation, .a, quantity: "1", price: "30.00")]),
            ("blood test and CT", [try narrator.item("LAB", "血常规", .laboratory, .a, quantity: "1", price: "180.50"),
                                   try narrator.item("CT", "胸部CT", .imaging, .b, quantity: "1", price: "1,260.00")]),
            ("medicine", [try narrator.item("RX", "阿莫西林胶囊", .westernDrug, .b, quantity: "3", price: "108.93")]),
        ]
        for (offset, (name, items)) in orders.enumerated() {
            let outcome = try await desk.charge(items, to: visit)
            try narrator.step(3 + offset, "order: \(name), \(outcome.lockedChange) locked on the line", line: line)
        }
        let refund = ChargeRefund(id: "RX-back", item: "RX", quantity: try Quantity(parsing: "1"), time: narrator.clock.now())
        let back = try await desk.refund(refund, in: visit)
        try narrator.step(6, "one box of medicine is returned (退费): \(Money(fen: -back.lockedChange.fen)) released", line: line)

        let record = try await narrator.checkout(visit)
        try narrator.step(7, "checkout (结算): 医保 and 商保 pay their parts, the self-pay rest is charged to the line", line: line)
        narrator.show(record)
        if let advance = narrator.parties.bank.advanceRequests.last(where: { $0.encounter == visit }) {
            narrator.say("   the bank is asked to advance \(advance.amount) to the hospital within 24 h (垫付)")
        }

        let owed = record.split?.credit ?? .zero
        narrator.parties.bank.receiveRepayment(RepaymentNotice(id: "repay-\(visit)", line: line, amount: owed, receivedAt: narrator.clock.now()))
        try await desk.ledger.collectRepayments(from: narrator.parties.bank)
        try narrator.step(8, "the patient repays \(owed) at the bank (还款): the line is whole again at once", line: line)
        narrator.showMessages(to: line)
    }
}
