public import CreditMedicalCore

/// What the HIS asks medical insurance (医保) to settle: one bill of one insured person.
public struct MedicalInsuranceClaim: Sendable, Hashable, Codable {
    /// Makes retries safe: the same id gets the same answer and is applied once.
    public let requestID: AdapterRequestID
    /// The insured person's 医保 number.
    public let insuredPerson: String
    public let encounter: EncounterID
    /// The insurance year the claim counts against (deductible and cap are yearly).
    public let year: Int
    /// The bill's net amounts by catalogue class.
    public let amountsByClass: [InsuranceClass: Money]
    /// The bill total.
    public let total: Money
    /// Whether the personal account (个人账户) may pay the cash part (个人账户使用标志), as the
    /// program allows; when not, the settlement's personal-account part is zero.
    public let usePersonalAccount: Bool

    public init(requestID: AdapterRequestID, insuredPerson: String, encounter: EncounterID, year: Int, bill: Bill,
                usePersonalAccount: Bool = true) {
        self.requestID = requestID
        self.insuredPerson = insuredPerson
        self.encounter = encounter
        self.year = year
        self.amountsByClass = bill.totalsByInsuranceClass
        self.total = bill.total
        self.usePersonalAccount = usePersonalAccount
    }
}

/// Medical insurance's answer: the fund's part, the personal account's part and the cash part
/// left to the patient. `fund + personalAccount + cash = total`.
public struct MedicalInsuranceSettlement: Sendable, Hashable, Codable {
    /// The insurer's settlement number (结算号), used to reverse it.
    public let settlementID: String
    public let fund: Money
    public let personalAccount: Money
    public let cash: Money

    public init(settlementID: String, fund: Money, personalAccount: Money, cash: Money) {
        self.settlementID = settlementID
        self.fund = fund
        self.personalAccount = personalAccount
        self.cash = cash
    }
}

/// The connection to medical insurance (医保), implemented by the HIS vendor for its region.
///
/// Conforming types MUST:
/// - answer ``preSettle(_:)`` without changing anything at the insurer;
/// - apply ``settle(_:)`` once per request id and answer a repeated id with the first answer,
///   also after a timeout;
/// - make ``reverse(settlementID:requestID:)`` idempotent, restoring deductible, cap and
///   personal-account balance as before the settlement;
/// - keep `fund + personalAccount + cash` equal to the claim's total;
/// - take nothing from the personal account for a claim that does not use it.
///
/// `MedicalInsuranceAdapterConformance` checks these against a vendor's adapter.
public protocol MedicalInsuranceAdapter: Sendable {
    /// 预结算: what the insurer would pay now.
    func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement
    /// 结算: the insurer pays its parts.
    func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement
    /// 结算撤销: undoes a settlement.
    func reverse(settlementID: String, requestID: AdapterRequestID) async throws
}

extension MedicalInsuranceClaim {
    private enum CodingKeys: String, CodingKey {
        case requestID, insuredPerson, encounter, year, amountsByClass, total, usePersonalAccount
    }

    /// Reads a claim as this SDK writes it, and one written before claims said whether the
    /// personal account may pay: that one lets it, as every claim did then.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        requestID = try values.decode(AdapterRequestID.self, forKey: .requestID)
        insuredPerson = try values.decode(String.self, forKey: .insuredPerson)
        encounter = try values.decode(EncounterID.self, forKey: .encounter)
        year = try values.decode(Int.self, forKey: .year)
        amountsByClass = try values.decode([InsuranceClass: Money].self, forKey: .amountsByClass)
        total = try values.decode(Money.self, forKey: .total)
        usePersonalAccount = try values.decodeIfPresent(Bool.self, forKey: .usePersonalAccount) ?? true
    }
}
