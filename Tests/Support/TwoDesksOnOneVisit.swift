public import CreditMedicalCore
public import CreditMedicalHIS
import XCTest

/// Two desks in two processes charging one outpatient visit at once (the test worker's `charge`
/// command), on any store both can open: what they prepare, run and check.
public enum TwoDesksOnOneVisit {
    /// Charges per process.
    public static let chargesPerProcess = 800
    static let encounter: EncounterID = "MZ-SHARED"
    static let line: CreditLineID = "L-SHARED"
    /// Enough for every charge: 1,600 × 100 fen.
    static let limit = Money(fen: 200_000)

    /// Opens the line the visit draws on.
    public static func prepare(_ store: any LedgerStore) async throws {
        try await Ledger(store: store).execute(.openLine(line, limit: limit), key: "open-shared")
    }

    /// The arguments of the two worker processes.
    public static func workerArguments(database: String) -> [[String]] {
        ["A", "B"].map { ["charge", database, encounter.rawValue, line.rawValue, $0, "\(chargesPerProcess)"] }
    }

    /// Every charge of both processes is on the bill once, and the hold, the encounter and the
    /// line agree with it to the fen.
    public static func check(_ database: any CreditDatabase, file: StaticString = #filePath, line lineNumber: UInt = #line) throws {
        let (store, ledger) = (database.encounterStore, database.ledgerStore)
        let bill = try store.bill(of: encounter)
        XCTAssertEqual(bill.lines.count, 2 * chargesPerProcess, "every charge is on the bill", file: file, line: lineNumber)
        XCTAssertEqual(bill.total.fen, Int64(2 * chargesPerProcess) * 100, file: file, line: lineNumber)
        let visit = try XCTUnwrap(store.encounter(encounter), file: file, line: lineNumber)
        XCTAssertEqual(visit.locked, bill.total, "locked on the line", file: file, line: lineNumber)
        XCTAssertEqual(visit.uncovered, .zero, file: file, line: lineNumber)
        XCTAssertEqual(try ledger.hold(visit.hold)?.amount, bill.total, "the hold holds the bill", file: file, line: lineNumber)
        XCTAssertEqual(try ledger.line(line)?.held, bill.total, file: file, line: lineNumber)
        let report = try LedgerAuditor(store: ledger).audit()
        XCTAssertTrue(report.isClean, "\(report)", file: file, line: lineNumber)
    }
}
