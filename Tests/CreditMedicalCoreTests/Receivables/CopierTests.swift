import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// Moving to another store keeps the receivables with the overdue job's record, the write-offs,
/// and the arrears list with the registry pushes still owed.
final class CopierTests: XCTestCase {
    func testReceivablesTheirEventsAndWriteOffsAreCopiedAsTheyAre() async throws {
        let fixture = ReceivableFixture()
        try await fixture.open("L-1")
        for visit in 1...5 { try await fixture.settle(HoldID("V-\(visit)"), on: "L-1", fen: Int64(visit) * 1_000) }
        _ = try await fixture.book.repay(RepaymentRequest(reference: "W-1", line: "L-1", amount: Money(fen: 2_500), channel: .hospitalWindow))
        fixture.advance(days: 30 + 181)
        _ = try await OverdueJob(book: fixture.book, ladder: .suzhouStyle, notices: FakeNotificationSender()).run()
        _ = try await BadDebtWriteOff(book: fixture.book, policy: .insuredStyle).writeOff(["V-5"])
        let target = InMemoryReceivableStore()
        let counts = try ReceivableCopier(source: fixture.store, target: target).copy(pageSize: 2)
        XCTAssertEqual(counts.receivables, 5)
        XCTAssertEqual(counts.writeOffs, 1)
        XCTAssertGreaterThan(counts.collectionEvents, 5)
        XCTAssertEqual(try target.position(), try fixture.store.position())
        XCTAssertEqual(try target.receivables(on: "L-1"), try fixture.store.receivables(on: "L-1"))
        XCTAssertEqual(try target.collectionEvents(of: "V-3"), try fixture.store.collectionEvents(of: "V-3"))
        XCTAssertEqual(try target.writeOffs(after: 0, limit: 10).records, try fixture.store.writeOffs(after: 0, limit: 10).records)
        await assertThrows(CopyError.Code.targetNotEmpty) { try ReceivableCopier(source: fixture.store, target: target).copy() }
    }

    func testTheArrearsListIsCopiedWithThePushesStillOwedToTheRegistry() async throws {
        let fixture = ReceivableFixture()
        try await fixture.open("L-1")
        let (source, registry) = (InMemoryArrearsStore(), FakePublicCreditRegistry())
        let list = ArrearsList(configuration: .init(coolingDays: 30), ledger: fixture.ledger, store: source, registry: registry)
        try await list.list(ArrearsListing(entry: "E-1", patient: "P-1", subject: "S-1", line: "L-1", amount: Money(fen: 100),
                                           reason: BilingualText(chinese: "欠费", english: "unpaid"), rule: "test"))
        registry.inject(.unavailable)
        _ = try await list.pushPending()
        XCTAssertEqual(try source.pendingPushes(limit: 10).count, 1, "the registry was down")
        let target = InMemoryArrearsStore()
        let copied = try ArrearsCopier(source: source, target: target).copy()
        XCTAssertEqual(copied.steps, 1)
        XCTAssertEqual(copied.pendingPushes, 1)
        XCTAssertEqual(try target.events(of: "E-1"), try source.events(of: "E-1"))
        let moved = ArrearsList(configuration: .init(coolingDays: 30), ledger: fixture.ledger, store: target, registry: registry)
        _ = try await moved.pushPending()
        let listings = try await registry.listings(of: "S-1")
        XCTAssertEqual(listings.count, 1, "the copy sends what the source still owed the registry")
        await assertThrows(CopyError.Code.targetNotEmpty) { try ArrearsCopier(source: source, target: target).copy() }
    }
}
