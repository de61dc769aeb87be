import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import CreditMedicalTesting
import XCTest

/// A checkout parked because of a party's error is stored with the reason, whatever the party
/// put into its error (PostgreSQL refuses a NUL in text).
final class PostgresParkedCheckoutTests: XCTestCase {
    func testAPartysErrorWithControlCharactersParksTheCheckout() async throws {
        let database = try PostgresDatabase(url: try PostgresTestServer.require().makeDatabase())
        let parties = FakeParties()
        let desk = CreditDesk(ledger: Ledger(store: database.ledgerStore), store: database.encounterStore, medicalInsurance: RefusingInsurance(),
                              commercialInsurance: nil, bank: parties.bank, notifications: parties.notifications)
        try await desk.ledger.execute(.openLine("L1", limit: Money(fen: 100_000)), key: "open")
        try await desk.open("MZ-1", kind: .outpatient, patient: Patient(id: "P1", line: "L1", medicalInsuranceNumber: "YB-1"),
                            department: "内科")
        try await desk.charge([ChargeItem(id: "A", code: "A", name: "A", category: .examination, insuranceClass: .a,
                                          quantity: Quantity(units: 1), unitPrice: Money(fen: 1_000), time: SystemClock().now())], to: "MZ-1")
        do {
            try await desk.checkout("MZ-1")
            XCTFail("the insurer refused")
        } catch let error as AdapterError {
            XCTAssertEqual(error.code, RefusingInsurance.refused)
        }
        let parked = try XCTUnwrap(try database.encounterStore.settlement(of: "MZ-1")?.attention)
        XCTAssertEqual(parked.code, "yibao.refused\u{FFFD}")
        XCTAssertTrue(parked.reason.contains("bad\u{FFFD}reason"), parked.reason)
        let report = try await desk.resumeCheckouts()
        XCTAssertEqual(report.needsAttention.map(\.encounter), ["MZ-1"])
    }
}

/// A medical insurer that refuses with a code and a message holding control characters.
private struct RefusingInsurance: MedicalInsuranceAdapter {
    static let refused = AdapterError.Code(rawValue: "yibao.refused\u{0}")

    func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        throw AdapterError(Self.refused, context: ["reason": "bad\u{0}reason"])
    }

    func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement { try await preSettle(claim) }
    func reverse(settlementID: String, requestID: AdapterRequestID) async throws {}
}
