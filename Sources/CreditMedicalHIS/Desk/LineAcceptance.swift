public import CreditMedicalCore

/// An institution's policy on whose credit it takes (a city platform's hospitals each partner
/// with some of its banks; a medical consortium's members take each other's lines): the banks
/// whose lines it accepts and the institutions whose enrolled lines it accepts. A line of the
/// whole platform (enrolled at no institution) passes the institution check.
public struct LineAcceptance: Sendable {
    /// Where a line's bank and institution are looked up (`CreditEnrollment`, for one).
    public var directory: any CreditLineDirectory
    /// The banks whose lines are taken; `nil` for every bank.
    public var banks: Set<String>?
    /// The institutions whose lines are taken (the consortium, this one included); `nil` for
    /// every institution.
    public var institutions: Set<InstitutionID>?

    public init(directory: any CreditLineDirectory, banks: Set<String>? = nil, institutions: Set<InstitutionID>? = nil) {
        self.directory = directory
        self.banks = banks
        self.institutions = institutions
    }

    /// Throws `BillingError.Code.lineNotAccepted`, naming the `line`, its `bank` and its
    /// `institution`, unless the policy takes credit from `line`.
    public func check(_ line: CreditLineID) throws {
        guard let account = try directory.account(of: line) else {
            throw BillingError(.lineNotAccepted, context: ["line": line.rawValue, "bank": "unknown"])
        }
        let bankTaken = banks?.contains(account.bank) ?? true
        let institutionTaken = account.institution.map { institutions?.contains($0) ?? true } ?? true
        guard bankTaken, institutionTaken else {
            throw BillingError(.lineNotAccepted, context: ["line": line.rawValue, "bank": account.bank,
                                                           "institution": account.institution?.rawValue ?? "platform"])
        }
    }
}
