import Synchronization

/// Several banks behind one `CreditProviderAdapter` (a city platform with eleven banks, say):
/// each line's calls go to the bank that granted it, as the ``CreditLineDirectory`` says, so
/// that capture notices, advances and line queries are per bank.
///
/// - An advance's status is asked of the bank that took the request through this router, and
///   of each bank in turn when this process did not (after a restart): the first answer counts.
/// - Repayments are gathered from every bank, oldest first, with ids that name the bank
///   (`BANK:ID`): two banks' repayments with the same id are two repayments. Acknowledging one
///   goes to its bank with the bank's own id.
public final class CreditProviderRouter: CreditProviderAdapter {
    /// The banks by id, as the directory names them.
    public let banks: [String: any CreditProviderAdapter]
    public let directory: any CreditLineDirectory
    private let advancedAt = Mutex<[AdapterRequestID: String]>([:])

    public init(banks: [String: any CreditProviderAdapter], directory: any CreditLineDirectory) {
        self.banks = banks
        self.directory = directory
    }

    /// The bank of `line`; `AdapterError.Code.unavailable` naming the line when no known bank
    /// granted it.
    public func bank(of line: CreditLineID) throws -> (id: String, adapter: any CreditProviderAdapter) {
        guard let account = try directory.account(of: line), let bank = banks[account.bank] else {
            throw AdapterError(.unavailable, context: ["line": line.rawValue], details: "no bank for line \(line)")
        }
        return (account.bank, bank)
    }

    public func line(_ line: CreditLineID) async throws -> CreditProviderLine {
        try await bank(of: line).adapter.line(line)
    }

    public func noticeCapture(_ notice: CaptureNotice) async throws {
        try await bank(of: notice.line).adapter.noticeCapture(notice)
    }

    public func noticeReversal(_ notice: ReversalNotice) async throws {
        try await bank(of: notice.line).adapter.noticeReversal(notice)
    }

    public func handOver(_ handover: CollectionHandover) async throws {
        try await bank(of: handover.line).adapter.handOver(handover)
    }

    public func requestAdvance(_ request: AdvanceRequest) async throws {
        let (id, bank) = try bank(of: request.line)
        advancedAt.withLock { $0[request.requestID] = id }
        try await bank.requestAdvance(request)
    }

    public func advanceStatus(_ requestID: AdapterRequestID) async throws -> AdvanceStatus {
        if let id = advancedAt.withLock({ $0[requestID] }), let bank = banks[id] { return try await bank.advanceStatus(requestID) }
        var lastError: (any Error)?
        for (id, bank) in banks.sorted(by: { $0.key < $1.key }) {
            do {
                let status = try await bank.advanceStatus(requestID)
                advancedAt.withLock { $0[requestID] = id }
                return status
            } catch {
                lastError = error
            }
        }
        throw lastError ?? AdapterError(.unknownSettlement, details: "advance \(requestID)")
    }

    public func pendingRepayments(limit: Int) async throws -> [RepaymentNotice] {
        var all: [RepaymentNotice] = []
        for (id, bank) in banks.sorted(by: { $0.key < $1.key }) {
            all += try await bank.pendingRepayments(limit: limit).map {
                RepaymentNotice(id: "\(id):\($0.id)", line: $0.line, amount: $0.amount, receivedAt: $0.receivedAt)
            }
        }
        return Array(all.sorted { $0.receivedAt < $1.receivedAt }.prefix(limit))
    }

    public func acknowledgeRepayments(_ ids: [String]) async throws {
        var byBank: [String: [String]] = [:]
        for id in ids {
            // The longest bank id that prefixes it, so that a bank id may itself hold a colon.
            guard let bank = banks.keys.filter({ id.hasPrefix("\($0):") }).max(by: { $0.count < $1.count }) else {
                throw AdapterError(.unavailable, context: ["repayment": id], details: "no bank named in repayment id")
            }
            byBank[bank, default: []].append(String(id.dropFirst(bank.count + 1)))
        }
        for (id, bankIDs) in byBank.sorted(by: { $0.key < $1.key }) { try await banks[id]?.acknowledgeRepayments(bankIDs) }
    }
}
