/// A ``CreditLineDirectory`` read from enrollment records: the bank, institution and patient of
/// the enrollment that opened a line; a family member's line is its guarantor's. What
/// ``CreditEnrollment`` answers, for a tool that has only the stores (a report, a copy).
public struct EnrollmentDirectory: CreditLineDirectory {
    public let store: any EnrollmentStore
    /// Where member lines' guarantors are looked up.
    public let ledger: any LedgerReader

    public init(store: any EnrollmentStore, ledger: any LedgerReader) {
        self.store = store
        self.ledger = ledger
    }

    public func account(of line: CreditLineID) throws -> CreditLineAccount? {
        let owner = try ledger.line(line)?.guarantor ?? line
        guard let id = try store.enrollment(onLine: owner), case .requested(let request) = try store.steps(of: id).first?.event else {
            return nil
        }
        return CreditLineAccount(line: line, bank: request.bank, institution: request.institution, holder: request.patient)
    }
}
