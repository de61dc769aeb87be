public import CreditMedicalCore

/// Drives the same random commands (``RandomLedgerCommands``) through an in-memory store and a
/// store under test, batch by batch, and reports the first difference: a command with another
/// result, an audit that is not clean after a batch, or different end states.
///
/// Use it from a test with a ``TestSeed``, which the failure names, so it can be replayed:
///
/// ```swift
/// let seed = try TestSeed(fixed: 42)
/// let difference = try await LedgerDifferential.run(against: myStore, seed: seed)
/// XCTAssertNil(difference, "\(seed)")
/// ```
public enum LedgerDifferential {
    /// Runs about `commands` random commands over six lines, drawn from `seed`; returns `nil`
    /// when both stores agreed throughout, else what differed. What it throws names the seed.
    public static func run(against store: any LedgerStore, seed: TestSeed, commands: Int = 4_000) async throws -> String? {
        try await seed.run { random in
            let clock = ManualClock(Timestamp(millisecondsSince1970: 1_767_225_600_000))
            let memory = InMemoryLedgerStore()
            let stores: [any LedgerStore] = [memory, store]
            let ledgers = stores.map { Ledger(store: $0, clock: clock) }
            var generator = RandomLedgerCommands(lines: 6)
            for ledger in ledgers {
                _ = try await ledger.submit((0..<6).map {
                    LedgerRequest(key: IdempotencyKey("open-\($0)"), command: .openLine(CreditLineID("L\($0)"), limit: Money(fen: 1_000_000)))
                })
            }
            var sent = 0
            var batches = 0
            while sent < commands {
                let batch = (0..<Int(random.next(below: 24) + 1)).map { _ in generator.request(using: &random, now: clock.now()) }
                let expected = try await ledgers[0].submit(batch).map(Outcome.init)
                let actual = try await ledgers[1].submit(batch).map(Outcome.init)
                guard actual == expected else { return "batch \(batches): the store gave \(actual), memory \(expected) for \(batch)" }
                for store in stores {
                    let report = try LedgerAuditor(store: store).audit()
                    guard report.isClean else { return "batch \(batches), \(type(of: store)): \(report)" }
                }
                sent += batch.count
                batches += 1
                if random.next(below: 4) == 0 { clock.advance(seconds: Int64(random.next(below: 90))) }
                if random.next(below: 10) == 0 {
                    for ledger in ledgers { _ = try await ledger.expireDueHolds() }
                }
            }
            guard try store.lines(after: nil, limit: .max) == memory.lines(after: nil, limit: .max) else { return "the lines differ at the end" }
            guard try store.holds(after: nil, limit: .max) == memory.holds(after: nil, limit: .max) else { return "the holds differ at the end" }
            let journal = try memory.journal(line: nil, after: 0, limit: .max)
            guard try store.journal(line: nil, after: 0, limit: .max) == journal else { return "the journals differ at the end" }
            guard journal.count > sent / 12 else { return "only \(journal.count) of \(sent) commands applied: too few to test much" }
            guard journal.contains(where: { $0.guarantor != nil }) else { return "no command moved a member line's guarantor" }
            return nil
        }
    }

    /// A command's result in a form two stores can be compared by.
    private enum Outcome: Equatable, CustomStringConvertible {
        case applied(JournalEntry, replay: Bool)
        case rejected(LedgerError.Code)

        init(_ result: LedgerResult) {
            switch result {
            case .success(let receipt): self = .applied(receipt.entry, replay: receipt.isReplay)
            case .failure(let error): self = .rejected(error.code)
            }
        }

        var description: String {
            switch self {
            case .applied(let entry, let replay): "\(replay ? "replayed" : "applied") #\(entry.sequence)"
            case .rejected(let code): "rejected \(code)"
            }
        }
    }
}
