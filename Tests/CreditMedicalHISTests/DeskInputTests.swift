import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Foundation
import CreditMedicalTestSupport
import XCTest

/// What the HIS passes the desk is checked before anything is stored: every identifier against
/// the input rules, every stored text for control characters; a refusal names the field and the
/// rule and changes nothing.
final class DeskInputTests: XCTestCase {
    /// Text that breaks one rule each, with the rule.
    static let badIdentifiers: [(String, InputRule)] = [
        ("", .empty), ("MZ\u{0}1", .controlCharacter), ("MZ\u{7F}1", .controlCharacter), ("MZ\u{85}1", .controlCharacter),
        ("MZ\u{202E}1", .bidirectionalControl), ("MZ\u{2066}1", .bidirectionalControl), ("MZ\u{200B}1", .invisibleCharacter),
        ("\u{FEFF}MZ1", .invisibleCharacter), ("MZ\u{2028}1", .lineSeparator), ("Jose\u{301}", .notNFC),
        (String(repeating: "病", count: 22), .tooLong),
    ]

    func testEveryIdentifierTheDeskIsGivenIsChecked() async throws {
        let fixture = DeskFixture()
        try await fixture.enroll("L1", limit: 100_000)
        let desk = fixture.desk()
        for (text, rule) in Self.badIdentifiers {
            let label = "\(text.unicodeScalars.map { String($0.value, radix: 16) }) \(rule)"
            let encounterRule: InputRule = rule == .tooLong ? .tooLong : rule
            let patients = [Patient(id: text, line: "L1"), Patient(id: "P", line: "L1", medicalInsuranceNumber: text),
                            Patient(id: "P", line: "L1", commercialPolicy: text), Patient(id: "P", line: CreditLineID(text))]
            for patient in patients {
                let error = await assertThrows(BillingError.Code.invalidIdentifier) {
                    try await desk.open("MZ-1", kind: .outpatient, patient: patient, department: "内科")
                }
                XCTAssertEqual((error as? BillingError)?.context["rule"], rule.rawValue, label)
            }
            let error = await assertThrows(BillingError.Code.invalidIdentifier) {
                try await desk.open(EncounterID(text), kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
            }
            XCTAssertEqual((error as? BillingError)?.context, ["field": "encounter", "rule": encounterRule.rawValue, "limit": "64 bytes"], label)
            await assertThrows(BillingError.Code.invalidIdentifier) { _ = try desk.bill(of: EncounterID(text)) }
            await assertThrows(BillingError.Code.invalidIdentifier) { try await desk.checkout(EncounterID(text)) }
        }
        XCTAssertTrue(try fixture.store.encounters(after: nil, limit: 10).isEmpty, "nothing was opened")
    }

    func testItemsRefundsAndTextsAreCheckedAndARefusedChargeChangesNothing() async throws {
        let fixture = DeskFixture()
        try await fixture.enroll("L1", limit: 100_000)
        let desk = fixture.desk()
        await assertThrows(BillingError.Code.invalidText) {
            try await desk.open("MZ-1", kind: .outpatient, patient: fixture.patient("L1"), department: "内科\u{0}")
        }
        try await desk.open("MZ-1", kind: .outpatient, patient: fixture.patient("L1"), department: "内科\n门诊\t二楼")
        try await desk.charge([fixture.item("A", 1_000)], to: "MZ-1")
        let time = fixture.clock.now()
        func item(code: String = "C", name: String = "name", doctor: String = "王") throws -> ChargeItem {
            try ChargeItem(id: "B", code: code, name: name, category: .examination, insuranceClass: .b, quantity: Quantity(units: 1),
                           unitPrice: Money(fen: 100), doctor: doctor, time: time)
        }
        for (field, make) in [("item code", { try item(code: "C\u{202E}") }), ("item name", { try item(name: "a\u{1B}[31m") }),
                              ("item doctor", { try item(doctor: "王\u{0}") })] as [(String, () throws -> ChargeItem)] {
            XCTAssertThrowsError(try make(), field) { error in XCTAssertEqual((error as? BillingError)?.context["field"], field) }
        }
        // An item decoded from elsewhere is checked again, amount included.
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try item())) as? [String: Any] ?? [:]
        json["amount"] = ["fen": 1]
        let forged = try JSONDecoder().decode(ChargeItem.self, from: JSONSerialization.data(withJSONObject: json))
        await assertThrows(BillingError.Code.invalidPrice) { try await desk.charge([forged], to: "MZ-1") }
        await assertThrows(BillingError.Code.invalidIdentifier) {
            try await desk.refund(ChargeRefund(id: "R\u{200D}", item: "A", quantity: Quantity(units: 1), time: time), in: "MZ-1")
        }
        XCTAssertEqual(try fixture.store.bill(of: "MZ-1").total.fen, 1_000, "only the first charge")
        XCTAssertEqual(try fixture.ledger.hold("MZ-1")?.amount.fen, 1_000)
    }

    func testACancelledEncounterNumberIsNotOpenedAgain() async throws {
        let fixture = DeskFixture()
        try await fixture.enroll("L1", limit: 100_000)
        let desk = fixture.desk()
        try await desk.open("MZ-1", kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        try await desk.cancel("MZ-1")
        await assertThrows(BillingError.Code.encounterNotOpen) {
            try await desk.open("MZ-1", kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        }
        XCTAssertEqual(try desk.encounter("MZ-1")?.status, .cancelled)
    }
}
