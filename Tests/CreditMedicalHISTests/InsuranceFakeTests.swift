import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Foundation
import XCTest

final class InsuranceFakeTests: XCTestCase {
    private let time = Timestamp(millisecondsSince1970: 1_795_579_200_000)

    private func bill(_ amounts: [InsuranceClass: Int64], encounter: EncounterID = "MZ-1") throws -> Bill {
        var bill = Bill(encounter: encounter)
        for (insuranceClass, fen) in amounts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try bill.add(ChargeItem(id: ChargeItemID("\(insuranceClass)"), code: "C", name: "n", category: .treatment,
                                    insuranceClass: insuranceClass, quantity: Quantity(units: 1), unitPrice: Money(fen: fen), time: time))
        }
        return bill
    }

    private func claim(_ bill: Bill, _ request: String, person: String = "P1") -> MedicalInsuranceClaim {
        MedicalInsuranceClaim(requestID: AdapterRequestID(request), insuredPerson: person, encounter: bill.encounter, year: 2026, bill: bill)
    }

    func testDeductibleClassRatiosCapAndPersonalAccount() async throws {
        let insurance = FakeMedicalInsurance(policy: .init(deductible: Money(fen: 10_000), classBPermille: 700, annualCap: Money(fen: 50_000)))
        insurance.openAccount("P1", balance: Money(fen: 3_000))
        // A 30,000, B 20,000, C 5,000: deductible 10,000 from A; fund 20,000 + 70 % of 20,000 = 34,000.
        let first = try await insurance.settle(claim(try bill([.a: 30_000, .b: 20_000, .c: 5_000]), "R1"))
        XCTAssertEqual(first.fund.fen, 34_000)
        XCTAssertEqual(first.personalAccount.fen, 3_000)
        XCTAssertEqual(first.cash.fen, 55_000 - 34_000 - 3_000)
        // The deductible is used up and only 16,000 of the cap is left.
        let second = try await insurance.settle(claim(try bill([.a: 40_000], encounter: "MZ-2"), "R2"))
        XCTAssertEqual(second.fund.fen, 16_000)
        XCTAssertEqual(second.personalAccount, .zero)
        XCTAssertEqual(insurance.used(by: "P1", in: 2026).deductible.fen, 10_000)
        XCTAssertEqual(insurance.used(by: "P1", in: 2026).fund.fen, 50_000)
    }

    func testRepeatedRequestGetsTheFirstAnswerAndReversalGivesEverythingBack() async throws {
        let insurance = FakeMedicalInsurance()
        insurance.openAccount("P1", balance: Money(fen: 100_000))
        let bill = try bill([.a: 200_000, .b: 50_000])
        let first = try await insurance.settle(claim(bill, "R1"))
        let again = try await insurance.settle(claim(bill, "R1"))
        XCTAssertEqual(first, again)
        XCTAssertEqual(insurance.appliedCount, 1)
        try await insurance.reverse(settlementID: first.settlementID, requestID: "U1")
        try await insurance.reverse(settlementID: first.settlementID, requestID: "U1")
        XCTAssertEqual(insurance.appliedCount, 2)
        XCTAssertEqual(insurance.accountBalance("P1").fen, 100_000)
        XCTAssertEqual(insurance.used(by: "P1", in: 2026).fund, .zero)
        XCTAssertEqual(insurance.used(by: "P1", in: 2026).deductible, .zero)
        do {
            try await insurance.reverse(settlementID: "nope", requestID: "U2")
            XCTFail("unknown settlement reversed")
        } catch let error as AdapterError {
            XCTAssertEqual(error.code, .unknownSettlement)
        }
    }

    func testFaultsActOutTimeoutUnavailableAndDuplicateDelivery() async throws {
        let insurance = FakeMedicalInsurance()
        let bill = try bill([.a: 100_000])
        insurance.inject(.unavailable, .timeoutAfterApplying, .deliveredTwice)
        await assertAdapterError(.unavailable) { _ = try await insurance.settle(self.claim(bill, "R1")) }
        XCTAssertEqual(insurance.appliedCount, 0)
        await assertAdapterError(.timeout) { _ = try await insurance.settle(self.claim(bill, "R1")) }
        XCTAssertEqual(insurance.appliedCount, 1, "a timeout may hide an applied request")
        let retried = try await insurance.settle(claim(bill, "R1"))
        XCTAssertEqual(insurance.appliedCount, 1, "the retry with the same id is not applied again")
        XCTAssertEqual(retried.fund.fen, 100_000 - 80_000, "the first claim pays the deductible")
        let preSettled = try await insurance.preSettle(claim(bill, "R9"))
        XCTAssertEqual(preSettled.fund.fen, 100_000, "the deductible is used up now")
        XCTAssertEqual(insurance.appliedCount, 1, "pre-settling changes nothing")
        XCTAssertEqual(insurance.used(by: "P1", in: 2026).deductible.fen, 80_000)

        let commercial = FakeCommercialInsurance(policy: .init(permille: 500, perClaimCap: Money(fen: 1_000)))
        commercial.inject(.timeoutAfterApplying)
        let request = CommercialInsuranceClaim(requestID: "S1", insuredPerson: "P1", encounter: "MZ-1", remaining: Money(fen: 1_501))
        await assertAdapterError(.timeout) { _ = try await commercial.claim(request) }
        let payment = try await commercial.claim(request)
        XCTAssertEqual(payment.paid.fen, 750)
        XCTAssertEqual(commercial.appliedCount, 1)
        let capped = try await commercial.claim(CommercialInsuranceClaim(requestID: "S2", insuredPerson: "P1", encounter: "MZ-2", remaining: Money(fen: 9_999)))
        XCTAssertEqual(capped.paid.fen, 1_000)
        try await commercial.reverse(claimID: payment.claimID, requestID: "U1")
        XCTAssertEqual(commercial.totalPaid.fen, 1_000)
    }

    /// Random bills through both fakes: the parts always add up to the total, to the fen.
    func testRandomSettlementsAddUpToTheBillTotal() async throws {
        let seed = try TestSeed(fixed: 20_261_130)
        try await seed.run { random in
            let insurance = FakeMedicalInsurance(policy: .init(deductible: Money(fen: 50_000), classBPermille: 800, annualCap: Money(fen: 2_000_000)))
            let commercial = FakeCommercialInsurance(policy: .init(permille: 600, perClaimCap: Money(fen: 300_000)))
            for person in 0..<5 { insurance.openAccount("P\(person)", balance: Money(fen: Int64(random.next() % 200_000))) }
            for visit in 0..<500 {
                var bill = Bill(encounter: EncounterID("V\(visit)"))
                for index in 0..<Int(1 + random.next() % 12) {
                    let insuranceClass = InsuranceClass.allCases[Int(random.next() % 3)]
                    let quantity = Quantity(thousandths: Int64(1 + random.next() % 5_000))
                    try bill.add(ChargeItem(id: ChargeItemID("I\(index)"), code: "C", name: "n", category: .other, insuranceClass: insuranceClass,
                                            quantity: quantity, unitPrice: Money(fen: Int64(random.next() % 100_000)), time: time))
                }
                if let line = bill.lines.first, random.next() % 3 == 0 {
                    try bill.add(ChargeRefund(id: "R", item: line.item.id, quantity: Quantity(thousandths: max(1, line.quantity.thousandths / 2)), time: time))
                }
                let person = "P\(random.next() % 5)"
                let medical = try await insurance.settle(claim(bill, "M\(visit)", person: person))
                let remaining = Money(fen: medical.cash.fen)
                let paid = try await commercial.claim(CommercialInsuranceClaim(requestID: AdapterRequestID("C\(visit)"), insuredPerson: person,
                                                                                encounter: bill.encounter, remaining: remaining))
                let split = try SettlementSplit(total: bill.total, medical: medical, commercial: paid.paid,
                                                creditCovering: Money(fen: Int64(random.next() % 200_000)))
                XCTAssertEqual(split.fund.fen + split.personalAccount.fen + split.commercial.fen + split.credit.fen + split.excess.fen,
                               bill.total.fen, "\(seed) visit \(visit)")
                XCTAssertLessThanOrEqual(split.commercial, remaining, "\(seed) visit \(visit)")
            }
        }
    }

    private func assertAdapterError(_ code: AdapterError.Code, _ body: () async throws -> Void, line: UInt = #line) async {
        do {
            try await body()
            XCTFail("no error", line: line)
        } catch let error as AdapterError {
            XCTAssertEqual(error.code, code, line: line)
        } catch {
            XCTFail("\(error)", line: line)
        }
    }
}
