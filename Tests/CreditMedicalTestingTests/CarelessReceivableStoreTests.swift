import CreditMedicalConformance
import CreditMedicalCore
import XCTest

/// The receivable store suite fails a store whose advance overwrites the overdue job's progress:
/// a repayment folded after a step would make the job send the step again.
final class CollectionOverwritingReceivableStoreTests: ReceivableStoreConformance {
    override func makeStore() throws -> any ReceivableStore { CarelessReceivableStore(mistake: .advanceOverwritesCollection) }

    func testTheSuiteFailsAStoreWhoseAdvanceOverwritesTheCollection() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["anAdvanceKeepsTheCollection"], "\(report)")
    }
}

/// The receivable store suite fails a store whose advance ignores the position it starts from:
/// two processes would fold the same journal entries twice.
final class PositionIgnoringReceivableStoreTests: ReceivableStoreConformance {
    override func makeStore() throws -> any ReceivableStore { CarelessReceivableStore(mistake: .advanceIgnoresFrom) }

    func testTheSuiteFailsAStoreWhoseAdvanceIgnoresFrom() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["aStaleAdvanceSavesNothing", "concurrentAdvancesHaveOneWinnerEach"], "\(report)")
    }
}

/// The receivable store suite fails a store whose collection write overwrites what the journal
/// says: a repayment folded while the overdue job ran would be undone.
final class JournalOverwritingReceivableStoreTests: ReceivableStoreConformance {
    override func makeStore() throws -> any ReceivableStore { CarelessReceivableStore(mistake: .collectionOverwritesJournal) }

    func testTheSuiteFailsAStoreWhoseCollectionWriteOverwritesTheJournalFields() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["savingTheCollectionKeepsTheJournalFields"], "\(report)")
    }
}

/// The receivable store suite fails a store that compares and orders ids as text, not by their
/// bytes.
final class TextOrderingReceivableStoreTests: ReceivableStoreConformance {
    override func makeStore() throws -> any ReceivableStore { CarelessReceivableStore(mistake: .idsComparedAsText) }

    func testTheSuiteFailsAStoreThatComparesIdsAsText() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["aLinesReceivablesComeOldestFirst", "idsAreComparedByTheirBytes", "pagesFollowTheHolds",
                                                "needingCollectionIsWhatIsDueOrToLift"], "\(report)")
    }
}

/// The receivable store suite fails a store that replaces a receivable's write-off with a later
/// one: the credit insurer's claim would change after it was made.
final class WriteOffReplacingReceivableStoreTests: ReceivableStoreConformance {
    override func makeStore() throws -> any ReceivableStore { CarelessReceivableStore(mistake: .writeOffsReplaced) }

    func testTheSuiteFailsAStoreThatReplacesWriteOffs() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["writeOffsAreKeptOnceAndCountAsPaid"], "\(report)")
    }
}
