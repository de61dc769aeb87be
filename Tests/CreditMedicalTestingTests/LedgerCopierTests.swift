import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class LedgerCopierTests: XCTestCase {
    /// A ledger built by random commands (rejections, replays, expiries, closed lines) copies
    /// into an empty store exactly, and the copy audits clean.
    func testACopyEqualsItsSource() async throws {
        let seed = try TestSeed(fixed: 7)
        let source = InMemoryLedgerStore()
        try await seed.run { try await Self.fill(source, random: &$0) }
        let target = InMemoryLedgerStore()
        let copied = try LedgerCopier.copy(from: source, to: target, pageSize: 37)
        let journal = try source.journal(line: nil, after: 0, limit: .max)
        XCTAssertEqual(copied, journal.count, "\(seed)")
        XCTAssertEqual(try target.journal(line: nil, after: 0, limit: .max), journal, "\(seed)")
        XCTAssertEqual(try target.lines(after: nil, limit: .max), try source.lines(after: nil, limit: .max), "\(seed)")
        XCTAssertEqual(try target.holds(after: nil, limit: .max), try source.holds(after: nil, limit: .max), "\(seed)")
        XCTAssertTrue(try LedgerAuditor(store: target).audit().isClean, "\(seed)")
        XCTAssertThrowsError(try LedgerCopier.copy(from: source, to: target), "a target that is not empty is refused")
    }

    /// Random commands over six lines, with time moving and holds expiring.
    private static func fill(_ store: any LedgerStore, random: inout SplitMix64) async throws {
        let clock = ManualClock(Timestamp(millisecondsSince1970: 1_767_225_600_000))
        let ledger = Ledger(store: store, clock: clock)
        _ = try await ledger.submit((0..<6).map {
            LedgerRequest(key: IdempotencyKey("open-\($0)"), command: .openLine(CreditLineID("L\($0)"), limit: Money(fen: 1_000_000)))
        })
        var generator = RandomLedgerCommands(lines: 6)
        for _ in 0..<120 {
            _ = try await ledger.submit((0..<Int(random.next(below: 12) + 1)).map { _ in generator.request(using: &random, now: clock.now()) })
            clock.advance(seconds: Int64(random.next(below: 40)))
            if random.next(below: 8) == 0 { _ = try await ledger.expireDueHolds() }
        }
    }
}
