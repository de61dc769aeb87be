public import CreditMedicalCore

/// One thing the ``DeskAuditor`` found that a person should look at.
public struct DeskFinding: Sendable, Hashable, CustomStringConvertible {
    /// What kind of finding; raw values are stable (they appear in `credit-medical audit --json`).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A checkout or reversal that stopped half-way (the visit is in `settling`); the desk's
        /// ``CreditDesk/resumeCheckouts(limit:)`` finishes it, unless it keeps failing.
        case checkoutUnfinished = "checkout_unfinished"
        /// A checkout parked for an operator (``SettlementAttention``).
        case checkoutNeedsAttention = "checkout_needs_attention"
        /// An encounter in `settling` without a settlement record of its round.
        case settlingWithoutRecord = "settling_without_record"
        /// An open hold on the credit line that no open or settling encounter owns.
        case holdWithoutOpenEncounter = "hold_without_open_encounter"
        /// A settled visit whose settlement does not match its bill, or whose parties' parts do
        /// not add up (invariant 7).
        case settlementMismatch = "settlement_mismatch"
        /// An advance the bank has not paid by the time it promised (24 hours after settlement).
        case advanceOverdue = "advance_overdue"
        /// A notification still not delivered after the delivery job's retries.
        case notificationUndelivered = "notification_undelivered"
    }

    public let kind: Kind
    /// The encounter concerned, when there is one.
    public let encounter: EncounterID?
    /// The hold concerned, when there is one.
    public let hold: HoldID?
    /// What exactly was found.
    public let detail: String

    public init(_ kind: Kind, encounter: EncounterID? = nil, hold: HoldID? = nil, _ detail: String) {
        self.kind = kind
        self.encounter = encounter
        self.hold = hold
        self.detail = detail
    }

    public var description: String {
        let place = [encounter.map { "encounter \($0)" }, hold.map { "hold \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return "\(kind.rawValue): \(place.isEmpty ? "" : "\(place): ")\(detail)"
    }
}

/// What a desk audit found.
public struct DeskAuditReport: Sendable, Hashable, CustomStringConvertible {
    /// Every finding, in the order found.
    public internal(set) var findings: [DeskFinding] = []
    /// How many encounters, settlement records and open holds were checked.
    public internal(set) var encountersChecked = 0
    public internal(set) var settlementsChecked = 0
    public internal(set) var holdsChecked = 0

    /// Whether nothing was found.
    public var isClean: Bool { findings.isEmpty }

    public var description: String {
        let counts = "\(encountersChecked) encounters, \(settlementsChecked) settlements, \(holdsChecked) open holds"
        guard !isClean else { return "desk clean: \(counts)" }
        return (["desk audit found \(findings.count) finding(s) in \(counts):"] + findings.map { "  \($0)" }).joined(separator: "\n")
    }
}
