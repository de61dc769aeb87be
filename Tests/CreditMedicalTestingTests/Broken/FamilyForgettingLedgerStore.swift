import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import Foundation

/// A broken ledger store over an in-memory one that handles member lines carelessly: it either
/// loads only the lines a batch names (not a member line's guarantor), or reads lines back
/// without their guarantor and members' part, as a store that never added those columns would.
final class FamilyForgettingLedgerStore: ForwardingLedgerStore {
    /// What the store forgets.
    enum Forgets {
        case guarantorWhenLoading
        case memberColumns
    }

    let inner = InMemoryLedgerStore()
    private let forgets: Forgets
    /// Batches take turns: each reads what it loads from `inner` before `inner` runs it.
    private let turn = NSLock()

    init(forgetting forgets: Forgets) {
        self.forgets = forgets
    }

    func transact<Result>(loading keys: LedgerStateKeys, _ body: (inout LedgerState) throws -> Result) throws -> Result {
        guard forgets == .guarantorWhenLoading else { return try inner.transact(loading: keys, body) }
        return try turn.withLock {
            let holds = try keys.holds.compactMap { try inner.hold($0) }
            let lines = try keys.lines.union(holds.map(\.line)).compactMap { try inner.line($0) }
            let receipts = try keys.keys.compactMap { try inner.entry(for: $0) }
            return try inner.transact(loading: keys) { state in
                var blind = LedgerState(lines: lines, holds: holds, receipts: receipts, lastSequence: state.lastSequence)
                let result = try body(&blind)
                state = blind
                return result
            }
        }
    }

    func line(_ id: CreditLineID) throws -> CreditLine? { try inner.line(id).map(forgetColumns) }
    func lines(after: CreditLineID?, limit: Int) throws -> [CreditLine] { try inner.lines(after: after, limit: limit).map(forgetColumns) }
    func memberLines(of guarantor: CreditLineID) throws -> [CreditLine] { try inner.memberLines(of: guarantor).map(forgetColumns) }

    private func forgetColumns(_ line: CreditLine) -> CreditLine {
        guard forgets == .memberColumns else { return line }
        return CreditLine(id: line.id, limit: line.limit, held: line.held, outstanding: line.outstanding, status: line.status,
                          openedAt: line.openedAt, updatedAt: line.updatedAt)
    }
}

extension FamilyForgettingLedgerStore: @unchecked Sendable {}  // `turn` is a lock; `inner` is Sendable.
