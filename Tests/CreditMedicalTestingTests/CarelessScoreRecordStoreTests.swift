import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import Synchronization
import XCTest

/// The score-record suite fails a store that overwrites a record appended again under its id,
/// and one that answers newest first.
final class CarelessScoreRecordStoreTests: ScoreRecordStoreConformance {
    /// Keeps the last record of an id, and lists a patient's records newest first.
    final class CarelessStore: ScoreRecordStore {
        let records = Mutex<[String: ScoreRecord]>([:])
        let order = Mutex<[String]>([])

        func append(_ batch: [ScoreRecord]) throws -> Set<String> {
            for record in batch {
                records.withLock { $0[record.id] = record }
                order.withLock { order in if !order.contains(record.id) { order.append(record.id) } }
            }
            return []
        }

        func record(id: String) throws -> ScoreRecord? { records.withLock { $0[id] } }

        func page(after: Int64, limit: Int) throws -> HistoryPage<ScoreRecord> {
            let ids = order.withLock { $0 }
            return records.withLock { records in HistoryPage(slicing: ids.compactMap { records[$0] }, after: after, limit: limit) }
        }

        func records(of patient: String) throws -> [ScoreRecord] {
            let ids = order.withLock { $0 }
            return records.withLock { records in ids.compactMap { records[$0] }.filter { $0.patient == patient }.reversed() }
        }
    }

    override func makeStore() throws -> any ScoreRecordStore { CarelessStore() }

    func testTheSuiteFailsAStoreThatOverwritesAndAnswersNewestFirst() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["anIdIsRecordedOnce", "recordsComeOldestFirst", "pagesListEveryRecordInTheOrderRecorded"],
                       "\(report)")
    }
}
