import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

// The fakes pass the suites a vendor runs against its own adapters, through the documented
// template: one test per suite, comparing the scenarios that passed with `allScenarios`. Each
// fake is its own test system: the observations read its books.

final class FakeMedicalInsuranceConformanceTests: MedicalInsuranceAdapterConformance {
    override func makeAdapter() throws -> any MedicalInsuranceAdapter {
        let insurance = FakeMedicalInsurance(policy: .init(deductible: Money(fen: 20_000), classBPermille: 800))
        insurance.openAccount(insuredPerson, balance: Money(fen: 2_500))
        return insurance
    }

    override func settlements(for encounter: EncounterID, from adapter: any MedicalInsuranceAdapter) async throws -> [MedicalInsuranceSettlement] {
        try XCTUnwrap(adapter as? FakeMedicalInsurance).settlements(for: encounter)
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}

final class FakeCommercialInsuranceConformanceTests: CommercialInsuranceAdapterConformance {
    override func makeAdapter() throws -> any CommercialInsuranceAdapter {
        FakeCommercialInsurance(policy: .init(permille: 600, perClaimCap: Money(fen: 100_000)))
    }

    override func payments(for encounter: EncounterID, from adapter: any CommercialInsuranceAdapter) async throws -> [CommercialInsurancePayment] {
        try XCTUnwrap(adapter as? FakeCommercialInsurance).payments(for: encounter)
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}

final class FakeCreditProviderConformanceTests: CreditProviderAdapterConformance {
    override func makeAdapter() throws -> any CreditProviderAdapter {
        let bank = FakeCreditProvider()
        bank.grant(grantedLine, limit: Money(fen: 500_000))
        return bank
    }

    override func receiveRepayment(_ adapter: any CreditProviderAdapter, amount: Money) async throws -> String {
        let bank = try XCTUnwrap(adapter as? FakeCreditProvider)
        bank.receiveRepayment(RepaymentNotice(id: "repayment-1", line: grantedLine, amount: amount,
                                              receivedAt: Timestamp(millisecondsSince1970: 1_795_996_800_000)))
        return "repayment-1"
    }

    override func handovers(of line: CreditLineID, from adapter: any CreditProviderAdapter) async throws -> [CollectionHandover] {
        try XCTUnwrap(adapter as? FakeCreditProvider).handovers.filter { $0.line == line }
    }

    override func reversals(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [ReversalNotice] {
        try XCTUnwrap(adapter as? FakeCreditProvider).reversalNotices(for: encounter)
    }

    override func captureNotices(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [CaptureNotice] {
        try XCTUnwrap(adapter as? FakeCreditProvider).captureNotices(for: encounter)
    }

    override func advances(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [AdvanceRequest] {
        try XCTUnwrap(adapter as? FakeCreditProvider).advanceRequests(for: encounter)
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}

final class FakeNotificationSenderConformanceTests: NotificationSenderConformance {
    override func makeSender() throws -> any NotificationSender { FakeNotificationSender() }

    override func deliveries(of id: AdapterRequestID, from sender: any NotificationSender) async throws -> Int {
        try XCTUnwrap(sender as? FakeNotificationSender).delivered.filter { $0.id == id }.count
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}

final class InMemoryEncounterStoreConformanceTests: EncounterStoreConformance {
    override func makeStore() throws -> any EncounterStore { InMemoryEncounterStore() }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }

    func testACommitNamingAnUnknownEncounterChangesNothing() throws {
        let store = InMemoryEncounterStore()
        let time = Timestamp(millisecondsSince1970: 1_795_564_800_000)
        func encounter(_ id: EncounterID) -> Encounter {
            Encounter(id: id, kind: .outpatient, patient: Patient(id: "P", line: nil, medicalInsuranceNumber: nil, commercialPolicy: nil),
                      department: "内科", paymentMode: .ordinary, openedAt: time)
        }
        let item = try ChargeItem(id: "A", code: "A", name: "A", category: .other, insuranceClass: .c, quantity: Quantity(units: 1),
                                  unitPrice: Money(fen: 100), time: time)
        XCTAssertThrowsError(try store.commit([.encounter(encounter("MZ-1")), .notification(PatientNotification(
            id: "N1", patient: "P", kind: .settled, text: "t")), .items("MZ-9", [item])]))
        XCTAssertNil(try store.encounter("MZ-1"), "nothing of the refused commit was kept")
        XCTAssertTrue(try store.pendingNotifications(limit: 10).isEmpty, "nothing of the refused commit was kept")
        XCTAssertThrowsError(try store.commit([.items("MZ-2", [item]), .encounter(encounter("MZ-2"))]), "items before their encounter")
        try store.commit([.encounter(encounter("MZ-2")), .items("MZ-2", [item])])
        XCTAssertEqual(try store.bill(of: "MZ-2").total.fen, 100, "an encounter and its items in one commit")
    }
}
