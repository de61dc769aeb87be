import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

final class EncounterCopierTests: XCTestCase {
    private let time = Timestamp(millisecondsSince1970: 1_795_564_800_000)

    /// Two encounters, one with a refund and two settlement rounds, and a notice in the outbox.
    private func filledStore() throws -> InMemoryEncounterStore {
        let store = InMemoryEncounterStore()
        for id: EncounterID in ["MZ-2", "MZ-1"] {
            let patient = Patient(id: "P-\(id)", line: "L1", medicalInsuranceNumber: nil, commercialPolicy: nil)
            let item = try ChargeItem(id: "A", code: "A", name: "项目", category: .laboratory, insuranceClass: .a,
                                      quantity: Quantity(units: 2), unitPrice: Money(fen: 1_500), time: time)
            try store.commit([.encounter(Encounter(id: id, kind: .outpatient, patient: patient, department: "内科", paymentMode: .credit,
                                                   openedAt: time)),
                              .items(id, [item])])
        }
        try store.commit([
            .refund("MZ-1", ChargeRefund(id: "R1", item: "A", quantity: Quantity(units: 1), time: time)),
            .settlement(SettlementRecord(encounter: "MZ-1", round: 1, startedAt: time, total: Money(fen: 1_500), updatedAt: time)),
            .settlement(SettlementRecord(encounter: "MZ-1", round: 2, startedAt: time, total: Money(fen: 1_500), updatedAt: time)),
            .notification(PatientNotification(id: "N1", patient: "P-MZ-1", kind: .settled, text: "账单")),
        ])
        return store
    }

    func testTheCopyEqualsItsSourceAndATargetThatIsNotEmptyIsRefused() throws {
        let source = try filledStore()
        let target = InMemoryEncounterStore()
        let counts = try EncounterCopier.copy(from: source, to: target, pageSize: 1)
        XCTAssertEqual([counts.encounters, counts.items, counts.refunds, counts.settlements, counts.notifications], [2, 2, 1, 2, 1])
        for id: EncounterID in ["MZ-1", "MZ-2"] {
            XCTAssertEqual(try target.encounter(id), try source.encounter(id))
            XCTAssertEqual(try target.bill(of: id), try source.bill(of: id))
            XCTAssertEqual(try target.settlements(of: id), try source.settlements(of: id))
        }
        XCTAssertEqual(try target.pendingNotifications(limit: 10), try source.pendingNotifications(limit: 10))
        XCTAssertThrowsError(try EncounterCopier.copy(from: source, to: target)) { error in
            XCTAssertTrue(CopyError.Code.targetNotEmpty ~= error, "\(error)")
            XCTAssertEqual("\(error)", "copy.target_not_empty: The target is not empty. (what=encounters or notifications)")
        }
    }

    func testATargetThatLosesPartOfTheCopyIsReported() throws {
        let source = try filledStore()
        // A broken store that drops refunds silently.
        let losing = InterceptedEncounterStore { changes in changes.filter { if case .refund = $0 { false } else { true } } }
        XCTAssertThrowsError(try EncounterCopier.copy(from: source, to: losing)) { error in
            XCTAssertEqual("\(error)", "copy.differs: The copy differs from the source. (what=encounter)")
            XCTAssertTrue(String(reflecting: error).contains("encounter MZ-1"), String(reflecting: error))
        }
    }
}
