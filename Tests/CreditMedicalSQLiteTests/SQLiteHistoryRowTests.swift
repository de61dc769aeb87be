import CreditMedicalCore
@testable import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

/// A history row this version cannot read (written by another program, or by a newer SDK) is a
/// typed `sqlite.corrupt_row` naming what it is, in each history store, not a crash or a record
/// with invented values.
final class SQLiteHistoryRowTests: XCTestCase {
    func testUnreadableRowsOfEveryHistoryAreCorruptRowErrors() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("histories.sqlite")
        let database = try SQLiteDatabase(path: path)
        let writer = try SQLiteConnection(path: path)
        try writer.execute("""
            INSERT INTO consent_events (id, patient_id, document, version, action, channel, agent_id, agent_relation, at)
                VALUES ('C-1', 'P-1', 'credit-v1', 1, 'signed', 'kiosk', 'A-1', NULL, 0);
            INSERT INTO score_records (id, patient_id, decided_at, scorer_id, scorer_version, score, fallback_code, decision)
                VALUES ('S-1', 'P-1', 0, 'card', '1', 600, NULL, '{"not":"a decision"}');
            INSERT INTO enrollment_steps (enrollment_id, step, patient_id, at, detail, line_id)
                VALUES ('E-1', 'granted', 'P-1', 0, '{"opened":{}}', NULL);
            INSERT INTO arrears_events (entry_id, step, at, detail) VALUES ('R-1', 'listed', 0, 'not json');
            """)
        func assertCorrupt(_ what: String, _ read: () throws -> Void) {
            XCTAssertThrowsError(try read(), what) { error in
                XCTAssertEqual((error as? SQLiteStoreError)?.code, .corruptRow, "\(what): \(error)")
                XCTAssertTrue("\(error)".contains(what) || "\(String(reflecting: error))".contains(what), "\(what): \(error)")
            }
        }
        assertCorrupt("consent event") { _ = try database.consentStore.events(of: "P-1") }
        assertCorrupt("score record") { _ = try database.scoreRecordStore.record(id: "S-1") }
        assertCorrupt("enrollment step") { _ = try database.enrollmentStore.steps(of: "E-1") }
        assertCorrupt("arrears step") { _ = try database.arrearsStore.page(after: 0, limit: 10) }
    }
}
