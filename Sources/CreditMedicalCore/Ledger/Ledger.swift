/// The credit ledger a HIS server talks to: submits commands, answers queries.
///
/// Commands from concurrent callers are coalesced into batches (group commit): while one batch
/// is being written, new submissions queue up and go together into the next one, so one storage
/// transaction and one fsync serve many commands. Each command still succeeds or fails on its
/// own.
///
/// ```swift
/// let ledger = Ledger(store: try SQLiteLedgerStore(path: "ledger.sqlite"))
/// try await ledger.execute(.openLine("patient-42", limit: Money(fen: 500_000)), key: "enroll-42")
/// let receipt = try await ledger.execute(
///     .placeHold("MZ-0001", line: "patient-42", amount: Money(fen: 12_000), expiresAt: nil),
///     key: "MZ-0001/order-1")
/// print(receipt.available)
/// ```
public final class Ledger: Sendable {
    /// Where the ledger's state lives.
    public let store: any LedgerStore
    /// The ledger's source of time.
    public let clock: any TimeSource
    private let committer: GroupCommitter<LedgerRequest, LedgerResult>

    /// A ledger over `store`, reading time from `clock`.
    public init(store: any LedgerStore, clock: any TimeSource = SystemClock()) {
        self.store = store
        self.clock = clock
        self.committer = GroupCommitter(
            label: "ledger", maximumBatchSize: LedgerLimits.maximumBatchSize, clock: clock,
            commit: { batch, now in
                try store.transact(loading: LedgerStateKeys(for: batch)) { state in
                    LedgerStateMachine.apply(batch, to: &state, at: now)
                }
            },
            flush: { try store.flush() })
    }

    /// Applies `requests` in order, batched with other callers' requests, and returns one result
    /// per request once they are on disk. A request with a malformed field is answered with its
    /// error at once and never reaches the store (``LedgerRequest/validate()``); the others go
    /// on. Throws only when there are more than ``LedgerLimits/maximumBatchSize`` requests, or
    /// when the batch could not be stored or made durable; then retrying with the same keys is
    /// safe (what was stored answers as replays).
    public func submit(_ requests: [LedgerRequest]) async throws -> [LedgerResult] {
        guard requests.count <= LedgerLimits.maximumBatchSize else {
            throw LedgerError(.batchTooLarge, context: ["limit": "\(LedgerLimits.maximumBatchSize)"],
                              details: "\(requests.count) commands")
        }
        var refusals: [Int: LedgerError] = [:]
        for (index, request) in requests.enumerated() {
            do throws(LedgerError) { try request.validate() } catch { refusals[index] = error }
        }
        guard !refusals.isEmpty else { return try await committer.submit(requests) }
        let valid = requests.indices.filter { refusals[$0] == nil }.map { requests[$0] }
        var applied = try await committer.submit(valid)[...]
        return requests.indices.map { index in
            if let refusal = refusals[index] { return .failure(refusal) }
            return applied.popFirst() ?? .failure(LedgerError(.invalidAmount))
        }
    }

    /// Applies one command; throws the ``LedgerError`` when it is rejected.
    @discardableResult
    public func execute(_ command: LedgerCommand, key: IdempotencyKey) async throws -> LedgerReceipt {
        let results = try await submit([LedgerRequest(key: key, command: command)])
        return try results[0].get()
    }

    /// Expires every open hold whose expiry time has come (up to one batch per call) and returns
    /// the results. The idempotency key of each expiry is `expire:` followed by the hold id.
    public func expireDueHolds() async throws -> [LedgerResult] {
        let due = try store.openHolds(expiringBy: clock.now(), limit: LedgerLimits.maximumBatchSize)
        let requests = due.map { LedgerRequest(key: IdempotencyKey("expire:\($0.id.rawValue)"), command: .expireHold($0.id)) }
        return requests.isEmpty ? [] : try await submit(requests)
    }

    /// The line with this id. Throws `LedgerError.Code.invalidIdentifier` for a malformed id.
    public func line(_ id: CreditLineID) throws -> CreditLine? {
        try Self.check(id, "line")
        return try store.line(id)
    }

    /// The member lines whose guarantor is `guarantor`, open and closed, ordered by id.
    public func memberLines(of guarantor: CreditLineID) throws -> [CreditLine] {
        try Self.check(guarantor, "line")
        return try store.memberLines(of: guarantor)
    }

    /// The hold with this id (the caller's reference).
    public func hold(_ id: HoldID) throws -> Hold? {
        try Self.check(id, "hold")
        return try store.hold(id)
    }

    /// The holds of a line, open and ended, ordered by id.
    public func holds(on line: CreditLineID) throws -> [Hold] {
        try Self.check(line, "line")
        return try store.holds(on: line)
    }

    /// Up to `limit` journal entries of a line after sequence number `after`, in order. A
    /// guarantor line also moves by its member lines' entries (``JournalEntry/guarantor``), which
    /// are in the member lines' journals.
    public func journal(for line: CreditLineID, after: Int64 = 0, limit: Int = 1_000) throws -> [JournalEntry] {
        try Self.check(line, "line")
        return try store.journal(line: line, after: after, limit: limit)
    }

    /// The journal entry recorded for an idempotency key.
    public func entry(for key: IdempotencyKey) throws -> JournalEntry? {
        try Self.check(key, "key")
        return try store.entry(for: key)
    }

    /// Refuses a malformed id before a store sees it.
    private static func check<ID: LedgerIdentifier>(_ id: ID, _ field: String) throws(LedgerError) {
        try LedgerRequest.check(id, field: field)
    }
}
