import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// A ledger on the manual clock with its receivable book, and visits settled on its lines.
struct ReceivableFixture {
    static let day: Int64 = 86_400
    let clock = ManualClock(Timestamp(millisecondsSince1970: 1_798_761_600_000))  // 2027-01-01
    let ledgerStore = InMemoryLedgerStore()
    let store = InMemoryReceivableStore()
    let directory = FakeCreditLineDirectory()
    let ledger: Ledger
    let book: ReceivableBook

    init(terms: [String: RepaymentTerms] = [:], ladder: CollectionLadder? = nil) {
        ledger = Ledger(store: ledgerStore, clock: clock)
        book = ReceivableBook(ledger: ledger, store: store, directory: directory, terms: terms, ladder: ladder)
    }

    /// Opens `line` with a limit of `yuan`, granted by `bank` to `holder`.
    func open(_ line: CreditLineID, yuan: Int64 = 10_000, bank: String = "bank-a", holder: String = "P-1") async throws {
        directory.register(line, bank: bank, holder: holder)
        try await ledger.execute(.openLine(line, limit: Money(yuan: yuan)), key: IdempotencyKey("open/\(line)"))
    }

    /// Settles a visit: locks `fen` on `line` under `hold` and captures it.
    func settle(_ hold: HoldID, on line: CreditLineID, fen: Int64) async throws {
        try await ledger.execute(.placeHold(hold, line: line, amount: Money(fen: fen), expiresAt: nil), key: IdempotencyKey("\(hold)/lock"))
        try await ledger.execute(.captureHold(hold, amount: Money(fen: fen)), key: IdempotencyKey("\(hold)/settle"))
    }

    func advance(days: Int64) { clock.advance(seconds: days * Self.day) }

    /// What each receivable of `line` owes, oldest first, in fen.
    func owed(on line: CreditLineID) throws -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: try book.statement(of: line).map { ($0.hold.rawValue, $0.owed.fen) })
    }

    /// Fails unless every line's receivables add up to what the ledger says it owes, and the
    /// ledger's own audit passes.
    func assertBooksAgree(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try book.linesOutOfStep(), [], file: file, line: line)
        XCTAssertTrue(try LedgerAuditor(store: ledgerStore).audit().isClean, file: file, line: line)
    }
}
