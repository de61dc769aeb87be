public import CreditMedicalCore
import Synchronization

/// An `ArrearsSubjectDirectory` with the subjects a test registers: what the HIS would derive from
/// each patient's national id.
public final class FakeArrearsSubjectDirectory: ArrearsSubjectDirectory {
    private let subjects = Mutex<[String: ArrearsSubject]>([:])

    public init() {}

    /// Registers `subject` as the person behind `patient` (the HIS's id).
    public func register(_ patient: String, as subject: ArrearsSubject) {
        subjects.withLock { $0[patient] = subject }
    }

    public func subject(of patient: String) throws -> ArrearsSubject? { subjects.withLock { $0[patient] } }
}
