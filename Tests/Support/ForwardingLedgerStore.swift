public import CreditMedicalCore
public import CreditMedicalTesting

/// A test store that passes everything to an in-memory store; a test overrides what it watches.
public protocol ForwardingLedgerStore: LedgerStore {
    var inner: InMemoryLedgerStore { get }
}

extension ForwardingLedgerStore {
    public func transact<Result>(loading keys: LedgerStateKeys, _ body: (inout LedgerState) throws -> Result) throws -> Result {
        try inner.transact(loading: keys, body)
    }
    public func line(_ id: CreditLineID) throws -> CreditLine? { try inner.line(id) }
    public func lines(after: CreditLineID?, limit: Int) throws -> [CreditLine] { try inner.lines(after: after, limit: limit) }
    public func memberLines(of guarantor: CreditLineID) throws -> [CreditLine] { try inner.memberLines(of: guarantor) }
    public func hold(_ id: HoldID) throws -> Hold? { try inner.hold(id) }
    public func holds(on line: CreditLineID) throws -> [Hold] { try inner.holds(on: line) }
    public func holds(after: HoldID?, limit: Int) throws -> [Hold] { try inner.holds(after: after, limit: limit) }
    public func openHolds(expiringBy time: Timestamp, limit: Int) throws -> [Hold] { try inner.openHolds(expiringBy: time, limit: limit) }
    public func journal(line: CreditLineID?, after: Int64, limit: Int) throws -> [JournalEntry] {
        try inner.journal(line: line, after: after, limit: limit)
    }
    public func entry(for key: IdempotencyKey) throws -> JournalEntry? { try inner.entry(for: key) }
}
