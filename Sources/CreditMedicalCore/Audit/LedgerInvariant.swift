/// The ledger invariants of the design, numbered as there.
public enum LedgerInvariant: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Per line, limit movements, holds, captures and repayments add up; no money is created or
    /// lost. A guarantor line's movements include its member lines', and its members' part of
    /// what it owes equals what they owe.
    case conservation = 1
    /// `held ≥ 0`, `outstanding ≥ 0`, `available ≥ 0` (and `limit ≥ 0`) at every step.
    case nonNegativeBalances = 2
    /// Stored balances equal the balances recomputed from the journal.
    case storedMatchesJournal = 3
    /// A line's held amount equals the sum of its open holds (and, for a guarantor line, of its
    /// member lines' held amounts).
    case heldMatchesOpenHolds = 4
    /// A rejected command changes nothing: every journal entry is a command the ledger accepts.
    case rejectedChangesNothing = 5
    /// Every hold ends at most once; every idempotency key maps to one result.
    case endsOnceAndKeysOnce = 6

    public var description: String {
        switch self {
        case .conservation: "conservation"
        case .nonNegativeBalances: "non-negative balances"
        case .storedMatchesJournal: "stored state matches the journal"
        case .heldMatchesOpenHolds: "held equals open holds"
        case .rejectedChangesNothing: "only accepted commands in the journal"
        case .endsOnceAndKeysOnce: "holds end once, keys map to one result"
        }
    }
}

/// One broken invariant, located as precisely as the auditor can.
public struct LedgerAuditViolation: Sendable, Hashable, CustomStringConvertible {
    public let invariant: LedgerInvariant
    public let line: CreditLineID?
    public let hold: HoldID?
    public let sequence: Int64?
    /// What exactly differs, with the amounts involved.
    public let detail: String

    public init(_ invariant: LedgerInvariant, line: CreditLineID? = nil, hold: HoldID? = nil, sequence: Int64? = nil, _ detail: String) {
        self.invariant = invariant
        self.line = line
        self.hold = hold
        self.sequence = sequence
        self.detail = detail
    }

    public var description: String {
        var place: [String] = []
        if let line { place.append("line \(line)") }
        if let hold { place.append("hold \(hold)") }
        if let sequence { place.append("entry \(sequence)") }
        return "invariant \(invariant.rawValue) (\(invariant)): \(place.joined(separator: ", ")): \(detail)"
    }
}

/// What an audit found.
public struct LedgerAuditReport: Sendable, CustomStringConvertible {
    /// Every violation found, in the order found.
    public var violations: [LedgerAuditViolation] = []
    /// How many journal entries, lines and holds were checked.
    public var entriesChecked = 0
    public var linesChecked = 0
    public var holdsChecked = 0

    /// Whether no invariant is broken.
    public var isClean: Bool { violations.isEmpty }

    public var description: String {
        let counts = "\(entriesChecked) journal entries, \(linesChecked) lines, \(holdsChecked) holds"
        guard !isClean else { return "audit clean: \(counts)" }
        return (["audit found \(violations.count) violation(s) in \(counts):"] + violations.map { "  \($0)" })
            .joined(separator: "\n")
    }
}
