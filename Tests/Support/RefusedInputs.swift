public import CreditMedicalCore
import XCTest

/// Ledger requests with an identifier that breaks an input rule, submitted in one batch between valid
/// ones: what every store must answer the same (the ledger refuses them before a store sees
/// them, so a store that would choke on them — PostgreSQL on a NUL, say — never meets them).
public enum RefusedInputs {
    /// Text that breaks one rule each.
    public static let badIdentifiers: [(text: String, rule: InputRule)] = [
        ("", .empty), ("L\u{0}1", .controlCharacter), ("L\u{1F}", .controlCharacter), ("L\u{7F}", .controlCharacter),
        ("L\u{9F}", .controlCharacter), ("L\u{202A}", .bidirectionalControl), ("\u{2069}L", .bidirectionalControl),
        ("L\u{200C}", .invisibleCharacter), ("L\u{FEFF}", .invisibleCharacter), ("L\u{2029}", .lineSeparator),
        ("Ame\u{301}lie", .notNFC), ("\u{1100}\u{1161}", .notNFC), (String(repeating: "额", count: 33), .tooLong),
    ]

    /// The batch: a line opened, then for each bad text a hold on it, a repayment of it and a
    /// command under it as the key, each followed by a valid hold; the expected field and rule of
    /// each refused request (`nil` for the valid ones).
    public static func batch() -> [(request: LedgerRequest, refusal: (field: String, rule: InputRule)?)] {
        var batch: [(LedgerRequest, (String, InputRule)?)] = [(LedgerRequest(key: "open", command: .openLine("L", limit: Money(fen: 1_000_000))), nil)]
        for (index, (text, rule)) in badIdentifiers.enumerated() {
            let hold = LedgerCommand.placeHold(HoldID(text), line: "L", amount: Money(fen: 1), expiresAt: nil)
            var refused: [(LedgerRequest, (String, InputRule))] = [
                (LedgerRequest(key: IdempotencyKey("hold-\(index)"), command: hold), ("hold", rule)),
                (LedgerRequest(key: IdempotencyKey("repay-\(index)"), command: .repay(CreditLineID(text), amount: Money(fen: 1))), ("line", rule)),
            ]
            // Keys may be longer than other identifiers; every other rule holds for them too.
            if rule != .tooLong {
                refused.append((LedgerRequest(key: IdempotencyKey(text), command: .repay("L", amount: Money(fen: 1))), ("key", rule)))
            }
            for (request, refusal) in refused {
                batch.append((request, refusal))
                batch.append((LedgerRequest(key: IdempotencyKey("ok-\(batch.count)"),
                                            command: .placeHold(HoldID("H\(batch.count)"), line: "L", amount: Money(fen: 10), expiresAt: nil)), nil))
            }
        }
        return batch
    }

    /// Submits ``batch()`` to a ledger over `store` at a fixed time and checks each answer: the
    /// refused requests fail with ``LedgerError/Code/invalidIdentifier`` naming their field and
    /// rule, the valid ones are applied, and the store holds exactly what the valid ones wrote.
    /// Returns the answers, for comparing stores.
    public static func check(_ store: any LedgerStore, file: StaticString = #filePath, line: UInt = #line) async throws -> [LedgerResult] {
        let ledger = Ledger(store: store, clock: ManualClock(Timestamp(millisecondsSince1970: 1_795_996_800_000)))
        let batch = batch()
        let results = try await ledger.submit(batch.map(\.request))
        var applied = 0
        for ((request, refusal), result) in zip(batch, results) {
            switch (refusal, result) {
            case (let refusal?, .failure(let error)):
                XCTAssertEqual(error.code, .invalidIdentifier, "\(request)", file: file, line: line)
                XCTAssertEqual(error.context["field"], refusal.field, "\(request)", file: file, line: line)
                XCTAssertEqual(error.context["rule"], refusal.rule.rawValue, "\(request)", file: file, line: line)
            case (nil, .success):
                applied += 1
            default:
                XCTFail("\(request): \(result)", file: file, line: line)
            }
        }
        let journal = try store.journal(line: nil, after: 0, limit: 10_000)
        XCTAssertEqual(journal.count, applied, "only the valid requests are in the journal", file: file, line: line)
        XCTAssertEqual(try store.line("L")?.held.fen, Int64(applied - 1) * 10, file: file, line: line)
        return results
    }
}
