import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTesting
import Foundation
import XCTest

/// Drives the same random commands through the in-memory and the SQLite store and requires the
/// same result for every command, a clean audit after every batch and identical end states.
/// Set `CREDITMEDICAL_SEED` to replay a failing run.
final class LedgerDifferentialTests: XCTestCase {
    func testRandomCommandsGiveTheSameResultsInMemoryAndSQLite() async throws {
        let seed = ProcessInfo.processInfo.environment["CREDITMEDICAL_SEED"].flatMap(UInt64.init)
            ?? UInt64(Date().timeIntervalSince1970 * 1000)
        print("LedgerDifferentialTests seed: \(seed) (replay with CREDITMEDICAL_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        let directory = try TemporaryDirectory()
        let clock = ManualClock(Timestamp(millisecondsSince1970: 1_767_225_600_000))
        let memory = InMemoryLedgerStore()
        let sqlite = try SQLiteLedgerStore(path: directory.file("ledger.sqlite"))
        let ledgers = [Ledger(store: memory, clock: clock), Ledger(store: sqlite, clock: clock)]
        var generator = RandomLedgerCommands(lines: 6)
        for ledger in ledgers {
            _ = try await ledger.submit((0..<6).map { LedgerRequest(key: IdempotencyKey("open-\($0)"),
                                                                    command: .openLine(CreditLineID("L\($0)"), limit: Money(fen: 1_000_000))) })
        }
        var commands = 0
        var batches = 0
        while commands < 4_000 {
            let batch = (0..<Int(random.next(below: 24) + 1)).map { _ in generator.request(using: &random, now: clock.now()) }
            let expected = try await ledgers[0].submit(batch).map(Outcome.init)
            let actual = try await ledgers[1].submit(batch).map(Outcome.init)
            guard actual == expected else {
                return XCTFail("seed \(seed), batch \(batches): SQLite gave \(actual), memory \(expected) for \(batch)")
            }
            for store in [memory, sqlite] as [any LedgerStore] {
                let report = try LedgerAuditor(store: store).audit()
                guard report.isClean else {
                    return XCTFail("seed \(seed), batch \(batches), \(type(of: store)): \(report)")
                }
            }
            commands += batch.count
            batches += 1
            if random.next(below: 4) == 0 { clock.advance(seconds: Int64(random.next(below: 90))) }
            if random.next(below: 10) == 0 { _ = try await ledgers.asyncMap { try await $0.expireDueHolds() } }
        }
        XCTAssertEqual(try sqlite.lines(after: nil, limit: .max), try memory.lines(after: nil, limit: .max), "seed \(seed)")
        XCTAssertEqual(try sqlite.holds(after: nil, limit: .max), try memory.holds(after: nil, limit: .max), "seed \(seed)")
        XCTAssertEqual(try sqlite.journal(line: nil, after: 0, limit: .max), try memory.journal(line: nil, after: 0, limit: .max),
                       "seed \(seed)")
        let applied = try memory.journal(line: nil, after: 0, limit: .max).count
        XCTAssertGreaterThan(applied, commands / 12, "seed \(seed): too few commands applied to test much")
    }
}

/// A command's result in a form two stores can be compared by.
private enum Outcome: Equatable {
    case applied(JournalEntry, replay: Bool)
    case rejected(LedgerError.Code)

    init(_ result: LedgerResult) {
        switch result {
        case .success(let receipt): self = .applied(receipt.entry, replay: receipt.isReplay)
        case .failure(let error): self = .rejected(error.code)
        }
    }
}

/// Random ledger requests over a few lines and holds: mostly valid, some malformed, some
/// replays of earlier requests and some reused keys with other commands.
private struct RandomLedgerCommands {
    let lines: Int
    private var sent: [LedgerRequest] = []
    private var nextKey = 0
    private var nextHold = 0

    init(lines: Int) {
        self.lines = lines
    }

    mutating func request(using random: inout SplitMix64, now: Timestamp) -> LedgerRequest {
        if !sent.isEmpty, random.next(below: 12) == 0 {
            let earlier = sent[Int(random.next(below: UInt64(sent.count)))]
            if random.next(below: 2) == 0 { return earlier }
            return LedgerRequest(key: earlier.key, command: command(using: &random, now: now))
        }
        nextKey += 1
        let request = LedgerRequest(key: IdempotencyKey("k\(nextKey)"), command: command(using: &random, now: now))
        sent.append(request)
        return request
    }

    private mutating func command(using random: inout SplitMix64, now: Timestamp) -> LedgerCommand {
        let line = CreditLineID("L\(random.next(below: UInt64(lines + 1)))")
        // Mostly one of the last few holds; placing mostly takes a new id.
        let recent = max(0, nextHold - Int(random.next(below: 6)))
        let hold = HoldID("H\(recent)")
        let amounts: [Int64] = [0, -1, 1, 99, 1_000, 1_000, 5_000, 5_000, 20_000, 100_000, .max]
        let amount = Money(fen: amounts[Int(random.next(below: UInt64(amounts.count)))])
        switch random.next(below: 17) {
        case 0: return .openLine(line, limit: Money(fen: Int64(random.next(below: 4)) * 50_000))
        case 1: return .adjustLimit(line, to: Money(fen: Int64(random.next(below: 5)) * 40_000))
        case 2: return [.suspendLine(line), .resumeLine(line), .freezeLine(line), .unfreezeLine(line), .closeLine(line)][
            Int(random.next(below: random.next(below: 8) == 0 ? 5 : 4))]
        case 3, 4, 5:
            let expiry = random.next(below: 3) == 0 ? now.adding(seconds: Int64(random.next(below: 120)) - 10) : nil
            if random.next(below: 5) != 0 { nextHold += 1 }
            return .placeHold(HoldID("H\(nextHold)"), line: line, amount: amount, expiresAt: expiry)
        case 6, 7: return .increaseHold(hold, by: amount)
        case 8: return .decreaseHold(hold, by: amount)
        case 9, 10: return .captureHold(hold, amount: amount)
        case 11: return .voidHold(hold)
        case 12: return .expireHold(hold)
        case 13: return .openLine("", limit: amount)
        case 14: return .reverseCapture(hold, amount: amount)
        default: return .repay(line, amount: amount)
        }
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
