/// Where a credit line comes from: the bank that granted it and the institution it was enrolled
/// at (`nil` for a line of the whole platform).
public struct CreditLineAccount: Sendable, Hashable, Codable {
    public let line: CreditLineID
    /// The bank's id, as the deployment names its banks.
    public let bank: String
    public let institution: InstitutionID?
    /// Whom to tell about the line's debts: the patient who enrolled it; for a family member's
    /// line, the guarantor's patient, who answers for it. `nil` when the directory does not know.
    public let holder: String?

    public init(line: CreditLineID, bank: String, institution: InstitutionID?, holder: String? = nil) {
        self.line = line
        self.bank = bank
        self.institution = institution
        self.holder = holder
    }
}

/// Answers which bank granted a line, and where it was enrolled: what a deployment with several
/// banks and institutions routes by. `CreditEnrollment` is one, from its records.
public protocol CreditLineDirectory: Sendable {
    /// The account of `line`; `nil` for a line the directory does not know.
    func account(of line: CreditLineID) throws -> CreditLineAccount?
}
