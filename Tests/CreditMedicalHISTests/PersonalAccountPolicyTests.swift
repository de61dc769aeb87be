import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

/// Where the program allows it, the 医保 personal account pays its part of the self-pay at
/// settlement, as a source of its own in the split; where it does not, the credit line carries
/// that part too. The account is never bank credit.
final class PersonalAccountPolicyTests: XCTestCase {
    /// The split of one outpatient visit billing `fen` of class C items, on a line of `limit` with
    /// ¥30.00 in the personal account, and what is left in the account.
    private func settle(_ fen: Int64, limit: Int64, accountPays: Bool) async throws -> (split: SettlementSplit, accountLeft: Money) {
        let fixture = DeskFixture()
        try await fixture.enroll("L1", limit: limit)
        fixture.parties.medicalInsurance.openAccount("YB-L1", balance: Money(fen: 3_000))
        let desk = CreditDesk(ledger: fixture.ledger, store: fixture.store, medicalInsurance: fixture.parties.medicalInsurance,
                              commercialInsurance: nil, bank: fixture.parties.bank, notifications: fixture.parties.notifications,
                              configuration: .init(personalAccountPays: accountPays))
        try await desk.open("MZ-1", kind: .outpatient, patient: Patient(id: "P", line: "L1", medicalInsuranceNumber: "YB-L1"),
                            department: "内科")
        _ = try await desk.charge([fixture.item("a", fen, .c)], to: "MZ-1")
        let record = try await desk.checkout("MZ-1")
        return (try XCTUnwrap(record.split), fixture.parties.medicalInsurance.accountBalance("YB-L1"))
    }

    func testTheAccountPaysOnlyWhereTheProgramLetsIt() async throws {
        let with = try await settle(50_000, limit: 100_000, accountPays: true)
        let without = try await settle(50_000, limit: 100_000, accountPays: false)
        XCTAssertEqual(with.split.personalAccount, Money(fen: 3_000))
        XCTAssertEqual(with.accountLeft, .zero)
        XCTAssertEqual(without.split.personalAccount, .zero)
        XCTAssertEqual(without.accountLeft, Money(fen: 3_000))
        XCTAssertEqual(without.split.credit.fen, with.split.credit.fen + 3_000, "without the account, the line carries its part")
        XCTAssertEqual(with.split.fund, without.split.fund)
    }

    func testTheAccountCountsTowardWhatAPatientCanSpendBeyondTheLine() async throws {
        let with = try await settle(22_000, limit: 20_000, accountPays: true)
        let without = try await settle(22_000, limit: 20_000, accountPays: false)
        XCTAssertEqual(with.split.excess, .zero, "¥200 line + ¥30 account cover a ¥220 bill")
        XCTAssertEqual(without.split.excess, Money(fen: 2_000), "without the account, ¥20 is beyond the line")
    }
}
