/// Answers the ``ArrearsSubject`` of a HIS patient: the key every institution of the region
/// derives the same way (such as a salted hash of the national id), which the HIS computes from
/// what it knows of the patient.
public protocol ArrearsSubjectDirectory: Sendable {
    /// The subject of `patient` (the HIS's id); `nil` when the HIS cannot tell (no national id
    /// on record), which leaves the registry unasked.
    func subject(of patient: String) throws -> ArrearsSubject?
}
