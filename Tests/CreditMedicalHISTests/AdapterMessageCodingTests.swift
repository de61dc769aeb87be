import CreditMedicalCore
import CreditMedicalHIS
import Foundation
import XCTest

/// Messages to the bank and to 医保 that an adapter may have queued as JSON under an earlier
/// version still read, with the fields added since at the value they had then.
final class AdapterMessageCodingTests: XCTestCase {
    let time = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    func testAnAdvanceRequestWithoutItsInstitutionIsTheUnnamedOnes() throws {
        let request = AdvanceRequest(requestID: "adv-1", line: "L1", encounter: "MZ-1", amount: Money(fen: 100), requestedAt: time,
                                     dueBy: time.adding(seconds: 86_400), institution: "hospital-2")
        XCTAssertEqual(try JSONDecoder().decode(AdvanceRequest.self, from: JSONEncoder().encode(request)), request)
        var old = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(request)) as? [String: Any])
        old["institution"] = nil
        let decoded = try JSONDecoder().decode(AdvanceRequest.self, from: JSONSerialization.data(withJSONObject: old))
        XCTAssertEqual(decoded.institution, .unnamed)
        XCTAssertEqual(decoded.amount, request.amount)
    }

    func testAClaimWithoutTheAccountFlagLetsTheAccountPay() throws {
        var bill = Bill(encounter: "MZ-1")
        try bill.add(ChargeItem(id: "I1", code: "C", name: "item", category: .examination, insuranceClass: .b, quantity: Quantity(units: 1),
                                unitPrice: Money(fen: 1_000), time: time))
        let claim = MedicalInsuranceClaim(requestID: "med-1", insuredPerson: "YB-1", encounter: "MZ-1", year: 2026, bill: bill,
                                          usePersonalAccount: false)
        XCTAssertEqual(try JSONDecoder().decode(MedicalInsuranceClaim.self, from: JSONEncoder().encode(claim)), claim)
        var old = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(claim)) as? [String: Any])
        old["usePersonalAccount"] = nil
        let decoded = try JSONDecoder().decode(MedicalInsuranceClaim.self, from: JSONSerialization.data(withJSONObject: old))
        XCTAssertTrue(decoded.usePersonalAccount)
        XCTAssertEqual(decoded.total, claim.total)
    }
}
