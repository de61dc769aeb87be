/// Keeps the steps of every enrollment, the saga's progress and the patient's history.
///
/// Conforming types MUST:
/// - keep steps durably once ``append(_:)`` returns, all of a batch or, when it throws, none;
/// - keep the first step of a name within an enrollment: appending it again changes nothing and
///   does not fail, and ``append(_:)`` names its enrollment;
/// - answer ``steps(of:)`` in the order recorded, and ``enrollments(of:)`` oldest first.
///
/// `EnrollmentStoreConformance` checks these against a store.
public protocol EnrollmentStore: Sendable {
    /// Records `steps` in order, except those whose enrollment has a step of that name already
    /// (recorded before, or earlier in the batch). Returns the enrollments of the steps it kept
    /// from before instead: another process may have recorded them.
    @discardableResult
    func append(_ steps: [EnrollmentStep]) throws -> Set<String>
    /// The steps of `enrollment`, in the order recorded.
    func steps(of enrollment: String) throws -> [EnrollmentStep]
    /// The ids of `patient`'s enrollments, in the order they were requested.
    func enrollments(of patient: String) throws -> [String]
    /// The id of the last enrollment requested on `line`, if any.
    func enrollment(onLine line: CreditLineID) throws -> String?
    /// Up to `limit` steps recorded after position `after` (0 for the first), in the order
    /// recorded.
    func page(after: Int64, limit: Int) throws -> HistoryPage<EnrollmentStep>
}
