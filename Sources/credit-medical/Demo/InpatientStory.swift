import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting

/// The demo's five-day inpatient stay: admission without a deposit, a daily bill each day that
/// grows the hold until the line is exhausted, a refund, and discharge with the excess settled.
struct InpatientStory {
    let narrator: DemoNarrator
    let patientNumber: Int

    func tell() async throws {
        let desk = narrator.desk
        let (line, grant) = try await narrator.enroll(from: patientNumber, bankLine: Money(parsing: "6,000.00"), fundMonths: 24)
        let stay = try await narrator.open("ZY", kind: .inpatient, line: line, department: "骨科")
        try narrator.step(1, "\(line) (score \(grant.score), tier \(grant.tier): half the bank's \(grant.bankLimit), \(grant.limit)) is admitted to 骨科 as \(stay) without a deposit (住院免押金)", line: line)

        let calendar = desk.configuration.calendar
        for day in 1...5 {
            var items = [try narrator.item("BED-\(day)", "床位费", .bed, .a, quantity: "1", price: "60.00"),
                         try narrator.item("NUR-\(day)", "护理费", .nursing, .a, quantity: "1", price: "45.00"),
                         try narrator.item("DRUG-\(day)", "头孢呋辛钠", .westernDrug, .b, quantity: "2", price: "185.40")]
            if day == 2 { items.append(try narrator.item("OP", "骨折内固定术", .surgery, .b, quantity: "1", price: "1,850.00")) }
            try await desk.charge(items, to: stay)
            if day == 3 {
                let refund = ChargeRefund(id: "DRUG-3-back", item: "DRUG-3", quantity: try Quantity(parsing: "1"), time: narrator.clock.now())
                try await desk.refund(refund, in: stay)
            }
            let outcome = try await desk.closeDays(of: stay, through: calendar.day(of: narrator.clock.now()))
            var text = "day \(day): the daily bill (日清单) locks \(outcome.lockedChange)"
            if day == 3 { text += " (one dose refunded the same day)" }
            if outcome.excessChange.isPositive { text += "; \(outcome.excessChange) is beyond the line, settled at discharge" }
            try narrator.step(1 + day, text, line: line)
            narrator.clock.advance(seconds: 86_400)
        }

        let record = try await narrator.checkout(stay)
        try narrator.step(7, "discharge (出院结算): one settlement for the whole stay", line: line)
        narrator.show(record)
        narrator.showMessages(to: line)
    }
}
