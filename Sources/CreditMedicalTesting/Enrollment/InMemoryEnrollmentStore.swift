public import CreditMedicalCore

/// An `EnrollmentStore` in memory, for tests and examples.
public final class InMemoryEnrollmentStore: EnrollmentStore {
    private let history = InMemoryHistory<EnrollmentStep>(id: { "\($0.enrollment)/\($0.event.name)" }, owner: \.enrollment,
                                                          time: { _ in Timestamp(millisecondsSince1970: 0) })  // in the order recorded

    public init() {}

    @discardableResult
    public func append(_ steps: [EnrollmentStep]) throws -> Set<String> { Set(history.append(steps).map(\.enrollment)) }

    public func steps(of enrollment: String) throws -> [EnrollmentStep] { history.records(of: enrollment) }

    public func enrollments(of patient: String) throws -> [String] {
        history.page(after: 0, limit: .max).records.filter { $0.patient == patient && $0.event.name == "requested" }.map(\.enrollment)
    }

    public func enrollment(onLine line: CreditLineID) throws -> String? {
        history.page(after: 0, limit: .max).records.last { step in
            if case .requested(let request) = step.event { request.line == line } else { false }
        }?.enrollment
    }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<EnrollmentStep> { history.page(after: after, limit: limit) }
}
