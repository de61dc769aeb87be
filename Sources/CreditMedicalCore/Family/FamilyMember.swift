/// A member of a ``FamilyGroup``: a patient, their relation to the guarantor, and their member
/// line, whose limit is their cap.
public struct FamilyMember: Sendable, Hashable {
    /// The member's patient id (the HIS's).
    public let patient: String
    /// How the member is related to the guarantor: a `parent` is the guarantor's parent.
    public let relation: FamilyRelation
    /// The member line: the member is treated on it; its holds count against the guarantor's.
    public let line: CreditLine

    /// A member as ``FamilyGroup/members()`` reads it from their line.
    public init(patient: String, relation: FamilyRelation, line: CreditLine) {
        self.patient = patient
        self.relation = relation
        self.line = line
    }

    /// The member's cap: the member line's limit.
    public var cap: Money { line.limit }

    /// Whether the member was removed (the member line is closed).
    public var isRemoved: Bool { line.status.contains(.closed) }
}
