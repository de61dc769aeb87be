/// One of a patient's open lines, as a cashier or the patient's app offers them for a visit.
public struct EnrollmentLine: Sendable, Hashable {
    public let enrollment: String
    public let line: CreditLineID
    public let bank: String
    public let institution: InstitutionID?
    /// The tier and limit the enrollment (or its last review) set.
    public let grant: EnrollmentGrant
    /// What the line has available now.
    public let available: Money
}

extension CreditEnrollment {
    /// `patient`'s open lines, the one a visit uses by default first: the patient chooses the line
    /// of a visit (`Patient.line`); when they do not, the documented policy is the line with the
    /// most available, and among equals the one enrolled first. Lines the ledger has suspended,
    /// frozen or closed come last, as they take no new charges.
    public func lines(of patient: String) throws -> [EnrollmentLine] {
        var lines: [(line: EnrollmentLine, usable: Bool, order: Int)] = []
        for (order, id) in try store.enrollments(of: patient).enumerated() {
            let steps = try store.steps(of: id)
            guard case .requested(let request) = steps.first?.event, case .open(let grant) = EnrollmentStatus(steps: steps),
                  let current = try ledger.line(request.line) else { continue }
            let line = EnrollmentLine(enrollment: id, line: request.line, bank: request.bank, institution: request.institution, grant: grant,
                                      available: current.available)
            lines.append((line, current.status.isEmpty, order))
        }
        return lines.sorted { ($0.usable ? 0 : 1, -$0.line.available.fen, $0.order) < ($1.usable ? 0 : 1, -$1.line.available.fen, $1.order) }
            .map(\.line)
    }
}
