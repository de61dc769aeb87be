import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalTesting
import Synchronization
import XCTest

final class InMemoryEnrollmentStoreConformanceTests: EnrollmentStoreConformance {
    override func makeStore() throws -> any EnrollmentStore { InMemoryEnrollmentStore() }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}

/// The enrollment suite fails a store that lets a step appended again replace the first one: a
/// resumed saga could then rewrite a grant the ledger already opened.
final class OverwritingEnrollmentStoreTests: EnrollmentStoreConformance {
    final class OverwritingStore: EnrollmentStore {
        let steps = Mutex<[EnrollmentStep]>([])

        func append(_ batch: [EnrollmentStep]) throws -> Set<String> {
            steps.withLock { steps in
                for step in batch {
                    steps.removeAll { $0.enrollment == step.enrollment && $0.event.name == step.event.name }
                    steps.append(step)
                }
            }
            return []
        }

        func steps(of enrollment: String) throws -> [EnrollmentStep] { steps.withLock { $0.filter { $0.enrollment == enrollment } } }

        func enrollment(onLine line: CreditLineID) throws -> String? {
            steps.withLock { $0.last { if case .requested(let request) = $0.event { request.line == line } else { false } }?.enrollment }
        }

        func page(after: Int64, limit: Int) throws -> HistoryPage<EnrollmentStep> {
            steps.withLock { HistoryPage(slicing: $0, after: after, limit: limit) }
        }

        func enrollments(of patient: String) throws -> [String] {
            steps.withLock { $0.filter { $0.patient == patient && $0.event.name == "requested" }.map(\.enrollment) }
        }
    }

    override func makeStore() throws -> any EnrollmentStore { OverwritingStore() }

    func testTheSuiteFailsAStoreThatOverwrites() async {
        let report = await evaluate()
        XCTAssertEqual(report.failedScenarios, ["aStepIsRecordedOnce", "pagesListEveryStepInTheOrderRecorded"], "\(report)")
    }
}
