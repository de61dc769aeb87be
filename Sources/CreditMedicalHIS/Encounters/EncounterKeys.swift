public import CreditMedicalCore

/// The ids the credit desk derives from an encounter number and its settlement round: the hold,
/// the ledger's idempotency keys, the request ids it sends to the parties and the ids of the
/// patient's notifications. Every derived id comes from here.
///
/// Round 1 uses the encounter number itself; later rounds append `#` and the round, which
/// encounter numbers may not contain (`EncounterID.reservedCharacter`), so two encounters never
/// derive the same id. Every id fits its type for every valid encounter number (up to 64 bytes)
/// and every round: holds up to 84 bytes (`HoldID` allows 96), keys and request ids up to 128.
public struct EncounterKeys: Sendable, Hashable {
    /// What every id of the round starts with.
    public let prefix: String

    public init(_ encounter: EncounterID, round: Int) {
        prefix = round == 1 ? encounter.rawValue : "\(encounter.rawValue)#\(round)"
    }

    /// The encounter's hold on the credit line in this round.
    public var hold: HoldID { HoldID(prefix) }

    /// The ledger key of the `step`th time charges were brought to the line in this round.
    public func creditStep(_ step: Int) -> IdempotencyKey { IdempotencyKey("\(prefix)/credit/\(step)") }
    /// The ledger key of the capture (or void) that settles the hold.
    public var settle: IdempotencyKey { IdempotencyKey("\(prefix)/settle") }
    /// The ledger key of voiding the hold of a cancelled encounter.
    public var cancel: IdempotencyKey { IdempotencyKey("\(prefix)/cancel") }
    /// The ledger key of reversing the capture.
    public var reversal: IdempotencyKey { IdempotencyKey("\(prefix)/reversal") }

    /// The calls the desk makes to outside parties, each with a request id of its own.
    public enum Call: String, Sendable, CaseIterable {
        case medical, commercial, capture, advance
        case medicalReversal = "medical-reversal"
        case commercialReversal = "commercial-reversal"
        /// Telling the bank a reversal netted its advance.
        case creditReversal = "credit-reversal"
    }

    /// The request id of `call` in this round.
    public func request(_ call: Call) -> AdapterRequestID { AdapterRequestID("\(prefix)/\(call.rawValue)") }

    /// The id of a notice about the `step`th change of credit in this round.
    public func notice(_ kind: PatientNotificationKind, step: Int) -> AdapterRequestID {
        AdapterRequestID("\(prefix)/notice/\(step)/\(kind.rawValue)")
    }

    /// The id of the warning that the line's use reached `permille` thousandths of its limit in
    /// this round: the same however often the visit crosses it, so the patient hears it once.
    public func usageWarning(permille: Int64) -> AdapterRequestID { AdapterRequestID("\(prefix)/usage/\(permille)") }

    /// The id of the fee notice sent when the round is settled.
    public var settledNotice: AdapterRequestID { AdapterRequestID("\(prefix)/settled") }
    /// The id of the notice sent when the round's settlement is reversed.
    public var reversedNotice: AdapterRequestID { AdapterRequestID("\(prefix)/reversed") }
}
