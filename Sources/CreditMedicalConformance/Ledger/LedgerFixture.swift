public import CreditMedicalCore
import XCTest

/// What a scenario works with: a fresh store, a ledger over it with a manual clock, and checks
/// that name the scenario when they fail.
public final class LedgerFixture: Sendable {
    /// The scenario's name.
    public let scenario: String
    /// The store under test.
    public let store: any LedgerStore
    /// The ledger's clock, moved by hand.
    public let clock: ManualClock
    /// A ledger over ``store``.
    public let ledger: Ledger
    private let reopenStore: @Sendable (any LedgerStore) throws -> (any LedgerStore)?

    init(scenario: String, store: any LedgerStore, suite: LedgerStoreConformance) throws {
        self.scenario = scenario
        self.store = store
        self.clock = ManualClock(Timestamp(millisecondsSince1970: 1_767_225_600_000))
        self.ledger = Ledger(store: store, clock: clock)
        let makeStore = UncheckedBox(suite)
        self.reopenStore = { try makeStore.value.reopen($0) }
        self.freshStore = { try makeStore.value.makeStore() }
    }

    private let freshStore: @Sendable () throws -> any LedgerStore

    /// Another fresh, empty store of the same kind.
    public func makeAnotherStore() throws -> any LedgerStore { try freshStore() }

    /// The store closed and opened again, or `nil` when the store does not persist.
    public func reopened() throws -> (any LedgerStore)? { try reopenStore(store) }

    /// Applies `command` and returns its receipt, failing when it is rejected.
    @discardableResult
    public func apply(_ command: LedgerCommand, key: IdempotencyKey, file: StaticString = #filePath, line: UInt = #line)
        async throws -> LedgerReceipt
    {
        do {
            return try await ledger.execute(command, key: key)
        } catch {
            XCTFail("[\(scenario)] \(command) was rejected: \(error)", file: file, line: line)
            throw error
        }
    }

    /// Submits `command`, expects it to be rejected with `code`, and checks that the store did
    /// not change at all.
    public func expectRejection(
        _ code: LedgerError.Code, _ command: LedgerCommand, key: IdempotencyKey,
        file: StaticString = #filePath, line: UInt = #line
    ) async throws {
        let before = try snapshot()
        let result = try await ledger.submit([LedgerRequest(key: key, command: command)])[0]
        switch result {
        case .success(let receipt):
            XCTFail("[\(scenario)] \(command) was applied (\(receipt.entry.sequence)); expected \(code)", file: file, line: line)
        case .failure(let error):
            XCTAssertEqual(error.code, code, "[\(scenario)] \(command)", file: file, line: line)
        }
        XCTAssertEqual(try snapshot(), before, "[\(scenario)] rejected \(command) changed the store", file: file, line: line)
    }

    /// The line with this id, failing when there is none.
    public func line(_ id: CreditLineID, file: StaticString = #filePath, line: UInt = #line) throws -> CreditLine {
        try XCTUnwrap(try store.line(id), "[\(scenario)] no line \(id)", file: file, line: line)
    }

    /// The hold with this id, failing when there is none.
    public func hold(_ id: HoldID, file: StaticString = #filePath, line: UInt = #line) throws -> Hold {
        try XCTUnwrap(try store.hold(id), "[\(scenario)] no hold \(id)", file: file, line: line)
    }

    /// Checks a line's balances.
    public func expect(
        _ id: CreditLineID, limit: Int64, held: Int64, outstanding: Int64, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let stored = try self.line(id, file: file, line: line)
        XCTAssertEqual([stored.limit.fen, stored.held.fen, stored.outstanding.fen], [limit, held, outstanding],
                       "[\(scenario)] line \(id) limit/held/outstanding", file: file, line: line)
        XCTAssertEqual(stored.available.fen, max(0, limit - held - outstanding), "[\(scenario)] available", file: file, line: line)
    }

    /// Everything the store holds, for before/after comparisons.
    public func snapshot(of store: (any LedgerStore)? = nil) throws -> LedgerSnapshot {
        let store = store ?? self.store
        return LedgerSnapshot(
            lines: try store.lines(after: nil, limit: .max),
            holds: try store.holds(after: nil, limit: .max),
            journal: try store.journal(line: nil, after: 0, limit: .max))
    }

    /// Fails unless the auditor finds nothing wrong.
    public func expectCleanAudit(of store: (any LedgerStore)? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let report = try LedgerAuditor(store: store ?? self.store).audit()
        XCTAssertTrue(report.isClean, "[\(scenario)] audit: \(report)", file: file, line: line)
    }
}

/// The whole content of a store: lines, holds and journal, in the stores' query orders.
public struct LedgerSnapshot: Sendable, Hashable {
    public var lines: [CreditLine]
    public var holds: [Hold]
    public var journal: [JournalEntry]
}

