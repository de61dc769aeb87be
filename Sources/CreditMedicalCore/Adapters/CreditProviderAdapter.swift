/// The bank's view of a patient's credit line: what it granted and whether it still allows use.
public struct CreditProviderLine: Sendable, Hashable, Codable {
    public let line: CreditLineID
    /// The limit the bank grants now.
    public let grantedLimit: Money
    /// `false` when the bank has stopped the line (for instance after a default elsewhere).
    public let usable: Bool

    public init(line: CreditLineID, grantedLimit: Money, usable: Bool) {
        self.line = line
        self.grantedLimit = grantedLimit
        self.usable = usable
    }
}

/// Tells the bank that a settlement charged `amount` to a line (the patient now owes it).
public struct CaptureNotice: Sendable, Hashable, Codable {
    public let requestID: AdapterRequestID
    public let line: CreditLineID
    /// The HIS encounter the charge settles.
    public let encounter: EncounterID
    public let amount: Money
    public let capturedAt: Timestamp

    public init(requestID: AdapterRequestID, line: CreditLineID, encounter: EncounterID, amount: Money, capturedAt: Timestamp) {
        self.requestID = requestID
        self.line = line
        self.encounter = encounter
        self.amount = amount
        self.capturedAt = capturedAt
    }
}

/// Asks the bank to advance (垫付) a settled self-pay amount to the hospital by `dueBy`.
public struct AdvanceRequest: Sendable, Hashable, Codable {
    public let requestID: AdapterRequestID
    public let line: CreditLineID
    public let encounter: EncounterID
    public let amount: Money
    public let requestedAt: Timestamp
    /// When the money must be in the hospital's account (24 hours after settlement).
    public let dueBy: Timestamp
    /// The institution whose account the bank pays (the encounter's).
    public let institution: InstitutionID

    public init(requestID: AdapterRequestID, line: CreditLineID, encounter: EncounterID, amount: Money, requestedAt: Timestamp, dueBy: Timestamp,
                institution: InstitutionID = .unnamed) {
        self.requestID = requestID
        self.line = line
        self.encounter = encounter
        self.amount = amount
        self.requestedAt = requestedAt
        self.dueBy = dueBy
        self.institution = institution
    }
}

/// Where an advance stands at the bank.
public enum AdvanceStatus: Sendable, Hashable, Codable {
    /// Accepted, money not yet paid to the hospital.
    case pending
    /// Paid to the hospital at this time.
    case paid(at: Timestamp)
}

/// A repayment (还款) the bank received from a patient, to be applied to the line.
public struct RepaymentNotice: Sendable, Hashable, Codable {
    /// The bank's id of the repayment; applying it twice is harmless.
    public let id: String
    public let line: CreditLineID
    public let amount: Money
    public let receivedAt: Timestamp

    public init(id: String, line: CreditLineID, amount: Money, receivedAt: Timestamp) {
        self.id = id
        self.line = line
        self.amount = amount
        self.receivedAt = receivedAt
    }
}

/// The connection to the partner bank that grants the credit lines, advances settled amounts to
/// the hospital and collects repayment.
///
/// Conforming types MUST:
/// - apply ``noticeCapture(_:)``, ``requestAdvance(_:)``, ``noticeReversal(_:)`` and
///   ``handOver(_:)`` once per request id and answer a repeated id as the first time, also after a
///   timeout;
/// - keep answering ``advanceStatus(_:)`` for every accepted advance;
/// - deliver each repayment in ``pendingRepayments(limit:)`` until it is acknowledged, and never
///   after (at-least-once: the SDK applies a notice with its id as idempotency key).
///
/// `CreditProviderAdapterConformance` checks these against a vendor's adapter.
public protocol CreditProviderAdapter: Sendable {
    /// The bank's view of a line.
    func line(_ line: CreditLineID) async throws -> CreditProviderLine
    /// Tells the bank a settlement charged the line.
    func noticeCapture(_ notice: CaptureNotice) async throws
    /// Asks the bank to pay the hospital; returns once the bank accepted the request.
    func requestAdvance(_ request: AdvanceRequest) async throws
    /// Tells the bank a settled visit was reversed after its advance was asked for: the patient
    /// owes less and the advance is netted (see ``ReversalNotice``).
    func noticeReversal(_ notice: ReversalNotice) async throws
    /// Hands an overdue receivable over to the bank's own collection (``CollectionHandover``).
    func handOver(_ handover: CollectionHandover) async throws
    /// Whether the bank has paid an advance it accepted.
    func advanceStatus(_ requestID: AdapterRequestID) async throws -> AdvanceStatus
    /// Repayments received and not yet acknowledged, oldest first.
    func pendingRepayments(limit: Int) async throws -> [RepaymentNotice]
    /// Marks repayments as applied, so they are not delivered again.
    func acknowledgeRepayments(_ ids: [String]) async throws
}

extension AdvanceRequest {
    private enum CodingKeys: String, CodingKey {
        case requestID, line, encounter, amount, requestedAt, dueBy, institution
    }

    /// Reads a request as this SDK writes it, and one written before requests named their
    /// institution (an adapter's queue from an earlier version): that one is the unnamed
    /// institution's.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(requestID: try values.decode(AdapterRequestID.self, forKey: .requestID), line: try values.decode(CreditLineID.self, forKey: .line),
                  encounter: try values.decode(EncounterID.self, forKey: .encounter), amount: try values.decode(Money.self, forKey: .amount),
                  requestedAt: try values.decode(Timestamp.self, forKey: .requestedAt), dueBy: try values.decode(Timestamp.self, forKey: .dueBy),
                  institution: try values.decodeIfPresent(InstitutionID.self, forKey: .institution) ?? .unnamed)
    }
}
