import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import CreditMedicalTestSupport
import XCTest

/// Several hospitals and banks on one deployment: each hospital's desk takes the lines its
/// policy accepts, its encounters belong to it, the bank of each line advances to that
/// hospital, and the activity report is per institution and bank.
final class CityPlatformTests: XCTestCase {
    let fixture = DeskFixture()
    let directory = FakeCreditLineDirectory()
    let (bankA, bankB) = (FakeCreditProvider(), FakeCreditProvider())

    func desk(_ institution: InstitutionID, banks: Set<String>? = nil, institutions: Set<InstitutionID>? = nil) -> CreditDesk {
        let router = CreditProviderRouter(banks: ["bank-a": bankA, "bank-b": bankB], directory: directory)
        let policy = LineAcceptance(directory: directory, banks: banks, institutions: institutions)
        return CreditDesk(ledger: fixture.ledger, store: fixture.store, medicalInsurance: fixture.parties.medicalInsurance,
                          commercialInsurance: fixture.parties.commercialInsurance, bank: router, notifications: fixture.parties.notifications,
                          configuration: .init(institution: institution, acceptedLines: policy))
    }

    override func setUp() async throws {
        try await fixture.enroll("LA", limit: 100_000)
        try await fixture.enroll("LB", limit: 100_000)
        directory.register("LA", bank: "bank-a", institution: "hospital-1")
        directory.register("LB", bank: "bank-b")
    }

    func testEachHospitalTakesTheLinesItsPolicyAcceptsAndTheLinesBankAdvancesToIt() async throws {
        let first = desk("hospital-1")
        let second = desk("hospital-2", banks: ["bank-b"])
        let patientA = fixture.patient("LA")
        let error = await assertThrows(BillingError.Code.lineNotAccepted) {
            try await second.open("H2-1", kind: .outpatient, patient: patientA, department: "内科")
        }
        XCTAssertEqual((error as? BillingError)?.context, ["line": "LA", "bank": "bank-a", "institution": "hospital-1"])
        XCTAssertNil(try fixture.store.encounter("H2-1"), "nothing opened")

        try await first.open("H1-1", kind: .outpatient, patient: patientA, department: "内科")
        try await second.open("H2-2", kind: .outpatient, patient: fixture.patient("LB"), department: "内科")
        for (desk, visit) in [(first, "H1-1"), (second, "H2-2")] as [(CreditDesk, EncounterID)] {
            _ = try await desk.charge([fixture.item("\(visit)-x", 30_000)], to: visit)
            let record = try await desk.checkout(visit)
            XCTAssertEqual(record.step, .completed)
        }
        XCTAssertEqual(try fixture.store.encounter("H2-2")?.institution, "hospital-2")
        XCTAssertEqual(bankA.advanceRequests.map(\.institution), ["hospital-1"])
        XCTAssertEqual(bankB.advanceRequests.map(\.institution), ["hospital-2"])
        XCTAssertEqual(bankA.advanceRequests.map(\.encounter), ["H1-1"], "each bank advances its own lines' visits")

        let report = try CreditActivityReport(store: fixture.store, directory: directory)
        XCTAssertEqual(Set(report.rows.keys), [.init(institution: "hospital-1", bank: "bank-a"), .init(institution: "hospital-2", bank: "bank-b")])
        XCTAssertEqual(try report.byInstitution()["hospital-2"]?.settlements, 1)
        XCTAssertEqual(try report.byBank()["bank-a"]?.advancesRequested, 1)
        let credit = try XCTUnwrap(report.rows[.init(institution: "hospital-1", bank: "bank-a")]?.credit)
        XCTAssertTrue(report.csv.hasPrefix("institution,bank,settlements,credit,"), report.csv)
        XCTAssertTrue(report.csv.contains("hospital-1,bank-a,1,\(credit.formatted(symbol: ""))"), report.csv)
    }

    func testAConsortiumTakesItsMembersLinesAndAnotherInstitutionDoesNot() async throws {
        let member = desk("hospital-2", institutions: ["hospital-1", "hospital-2"])
        try await member.open("C-1", kind: .outpatient, patient: fixture.patient("LA"), department: "全科")
        let outsider = desk("hospital-3", institutions: ["hospital-3"])
        await assertThrows(BillingError.Code.lineNotAccepted) {
            try await outsider.open("C-2", kind: .outpatient, patient: fixture.patient("LA"), department: "全科")
        }
        try await outsider.open("C-3", kind: .outpatient, patient: fixture.patient("LB"), department: "全科")
        directory.register("LB", bank: "bank-c")
        await assertThrows(AdapterError.Code.unavailable) {
            try await CreditProviderRouter(banks: ["bank-a": bankA], directory: directory).line("LB")
        }
    }
}
