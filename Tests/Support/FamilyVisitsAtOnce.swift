public import CreditMedicalHIS
import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// Forty visits at once of a family treated on one adult's line (the adult, a parent capped at
/// 40,000 fen and a child capped at 30,000 fen, on a line of 100,000 fen), at the desk of any
/// store: each visit is charged twice and every other one checks out. Neither a member's cap nor
/// the adult's limit is ever exceeded, at any entry of the journal.
public enum FamilyVisitsAtOnce {
    static let limit: Int64 = 100_000
    static let caps: [String: Int64] = ["grandma": 40_000, "kid": 30_000]

    /// Runs the visits on `database`, which must be empty, and checks the journal and the audit.
    public static func run(on database: any CreditDatabase, file: StaticString = #filePath, line: UInt = #line) async throws {
        let clock = ManualClock(Timestamp(millisecondsSince1970: 1_795_996_800_000))
        let ledger = Ledger(store: database.ledgerStore, clock: clock)
        let desk = FakeParties().desk(ledger: ledger, store: database.encounterStore)
        try await ledger.execute(.openLine("adult", limit: Money(fen: limit)), key: "open-adult")
        let family = FamilyGroup(guarantor: "adult", ledger: ledger, authority: FakeAgentAuthority())
        var patients = [Patient(id: "adult", line: "adult")]
        for (patient, relation) in [("grandma", FamilyRelation.parent), ("kid", .child)] {
            let member = try await family.addMember(patient, as: relation, cap: Money(fen: caps[patient] ?? 0))
            patients.append(Patient(id: patient, line: member.line.id))
        }
        let visitors = patients
        let uncovered = try await withThrowingTaskGroup(of: Int64.self) { group in
            for visit in 0..<40 {
                group.addTask {
                    let id = EncounterID("MZ-\(visit)")
                    try await desk.open(id, kind: .outpatient, patient: visitors[visit % 3], department: "内科")
                    for (index, fen) in [Int64(6_000), 4_000].enumerated() {
                        let item = try ChargeItem(id: ChargeItemID("\(visit)-\(index)"), code: "C", name: "检查", category: .examination,
                                                  insuranceClass: .b, quantity: Quantity(units: 1), unitPrice: Money(fen: fen),
                                                  time: clock.now())
                        try await desk.charge([item], to: id)
                    }
                    let uncovered = try database.encounterStore.encounter(id)?.uncovered.fen ?? 0
                    if visit % 2 == 0, uncovered == 0 { _ = try await desk.checkout(id) }
                    return uncovered
                }
            }
            return try await group.reduce(0, +)
        }
        XCTAssertGreaterThan(uncovered, 0, "the visits did not compete for the line", file: file, line: line)
        let limits = Dictionary(uniqueKeysWithValues: patients.compactMap { patient in
            patient.line.map { ($0, caps[patient.id] ?? limit) }
        })
        for entry in try database.ledgerStore.journal(line: nil, after: 0, limit: .max) {
            let used = entry.lineAfter.held.fen + entry.lineAfter.outstanding.fen
            XCTAssertLessThanOrEqual(used, limits[entry.line] ?? 0, "entry \(entry.sequence) on \(entry.line)", file: file, line: line)
            if let guarantor = entry.guarantor {
                XCTAssertLessThanOrEqual(guarantor.heldAfter.fen + guarantor.outstandingAfter.fen, limit,
                                         "entry \(entry.sequence): the adult's line", file: file, line: line)
            }
        }
        let report = try LedgerAuditor(store: database.ledgerStore).audit()
        XCTAssertTrue(report.isClean, "\(report)", file: file, line: line)
    }
}
