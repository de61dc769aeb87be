import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

/// Where the program allows it, the 医保 personal account pays its part of the self-pay at
/// settlement, as a source of its own in the split; where it does not, the credit line carries
/// that part too. The account is never bank credit.
final class PersonalAccountPolicyTests: XCTestCase {
    func testTheAccountPaysOnlyWhereTheProgramLetsIt() async throws {
        var splits: [Bool: SettlementSplit] = [:]
        for allowed in [true, false] {
            let fixture = DeskFixture()
            try await fixture.enroll("L1", limit: 100_000)
            fixture.parties.medicalInsurance.openAccount("YB-L1", balance: Money(fen: 3_000))
            let desk = CreditDesk(ledger: fixture.ledger, store: fixture.store, medicalInsurance: fixture.parties.medicalInsurance,
                                  commercialInsurance: nil, bank: fixture.parties.bank, notifications: fixture.parties.notifications,
                                  configuration: .init(personalAccountPays: allowed))
            try await desk.open("MZ-1", kind: .outpatient, patient: Patient(id: "P", line: "L1", medicalInsuranceNumber: "YB-L1"),
                                department: "内科")
            _ = try await desk.charge([fixture.item("a", 50_000, .c)], to: "MZ-1")
            let record = try await desk.checkout("MZ-1")
            splits[allowed] = try XCTUnwrap(record.split)
            XCTAssertEqual(fixture.parties.medicalInsurance.accountBalance("YB-L1"), Money(fen: allowed ? 0 : 3_000))
        }
        let (with, without) = (try XCTUnwrap(splits[true]), try XCTUnwrap(splits[false]))
        XCTAssertEqual(with.personalAccount, Money(fen: 3_000))
        XCTAssertEqual(without.personalAccount, .zero)
        XCTAssertEqual(without.credit.fen, with.credit.fen + 3_000, "without the account, the line carries its part")
        XCTAssertEqual(with.fund, without.fund)
    }

    func testTheAccountCountsTowardWhatAPatientCanSpendBeyondTheLine() async throws {
        var excess: [Bool: Money] = [:]
        for allowed in [true, false] {
            let fixture = DeskFixture()
            try await fixture.enroll("L1", limit: 20_000)
            fixture.parties.medicalInsurance.openAccount("YB-L1", balance: Money(fen: 3_000))
            let desk = CreditDesk(ledger: fixture.ledger, store: fixture.store, medicalInsurance: fixture.parties.medicalInsurance,
                                  commercialInsurance: nil, bank: fixture.parties.bank, notifications: fixture.parties.notifications,
                                  configuration: .init(personalAccountPays: allowed))
            try await desk.open("MZ-1", kind: .outpatient, patient: Patient(id: "P", line: "L1", medicalInsuranceNumber: "YB-L1"),
                                department: "内科")
            _ = try await desk.charge([fixture.item("a", 22_000, .c)], to: "MZ-1")
            let record = try await desk.checkout("MZ-1")
            excess[allowed] = record.split?.excess
        }
        XCTAssertEqual(excess[true], .zero, "¥200 line + ¥30 account cover a ¥220 bill")
        XCTAssertEqual(excess[false], Money(fen: 2_000), "without the account, ¥20 is beyond the line")
    }
}
