public import CreditMedicalCore
import Synchronization

/// An `EnrollmentStore` in memory, for tests and examples.
public final class InMemoryEnrollmentStore: EnrollmentStore {
    private struct Steps {
        var byEnrollment: [String: [EnrollmentStep]] = [:]
        var byPatient: [String: [String]] = [:]
    }

    private let steps = Mutex(Steps())

    public init() {}

    public func append(_ batch: [EnrollmentStep]) throws {
        steps.withLock { steps in
            for step in batch where !(steps.byEnrollment[step.enrollment] ?? []).contains(where: { $0.event.name == step.event.name }) {
                steps.byEnrollment[step.enrollment, default: []].append(step)
                if case .requested = step.event { steps.byPatient[step.patient, default: []].append(step.enrollment) }
            }
        }
    }

    public func steps(of enrollment: String) throws -> [EnrollmentStep] {
        steps.withLock { $0.byEnrollment[enrollment] ?? [] }
    }

    public func enrollments(of patient: String) throws -> [String] {
        steps.withLock { $0.byPatient[patient] ?? [] }
    }
}
