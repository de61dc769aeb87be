import Synchronization
public import XCTest

/// The common base of the conformance suites: it runs a suite's scenarios one after the other, each
/// on a fresh subject, and tells which passed.
///
/// A scenario passes when it recorded no failure (no `XCTAssert…` failed) and threw nothing. Every
/// assertion ends in ``recordFailure(withDescription:inFile:atLine:expected:)``, which the suite
/// overrides to collect the failures of the scenario running, so the assertions are plain
/// `XCTAssert…` calls and still count. Run a suite from a test method of your subclass: XCTest
/// reports an assertion to the test case that is running.
///
/// - ``runAll()`` fails the test once for each failure, naming its scenario, and returns how many
///   scenarios passed, so `XCTAssertEqual(await runAll(), Self.allScenarios.count)` fails
///   whenever a scenario does.
/// - ``evaluate()`` runs the same scenarios without failing the test and returns a
///   ``ConformanceReport``, to check that a suite catches a broken adapter or store.
open class ConformanceSuite: XCTestCase {
    /// A failure as XCTest recorded it.
    private struct RecordedFailure: Sendable {
        let description: String
        let file: String
        let line: Int
        let expected: Bool
    }

    /// The scenario running and what it has recorded so far; no scenario between scenarios.
    private struct Recording: Sendable {
        var scenario: String?
        var failures: [RecordedFailure] = []
    }

    private let recording = Mutex(Recording())

    /// Runs every scenario of the suite's `allScenarios`, each on a fresh subject, fails the test
    /// once for each failure (the message names the scenario) and returns how many scenarios
    /// passed.
    @discardableResult
    public final func runAll() async -> Int {
        await run(scenarios(), reporting: true).passed.count
    }

    /// Runs the scenario named `name` on a fresh subject, fails the test once for each failure
    /// and returns whether it passed; `false`, with a failure, when the suite has no such
    /// scenario. For a vendor who declares one test per scenario.
    @discardableResult
    public final func run(_ name: String) async -> Bool {
        let named = scenarios().filter { $0.name == name }
        guard !named.isEmpty else {
            recordFailure(withDescription: "no scenario named \(name) in \(type(of: self))", inFile: #filePath, atLine: #line, expected: true)
            return false
        }
        return await run(named, reporting: true).failures.isEmpty
    }

    /// Runs every scenario like ``runAll()`` but without failing the test, and returns which
    /// passed and what failed.
    public final func evaluate() async -> ConformanceReport {
        await run(scenarios(), reporting: false)
    }

    /// The name of the scenario running now, if any.
    package var runningScenario: String? { recording.withLock { $0.scenario } }

    /// Collects the failures of the scenario running; passes any other failure on to XCTest.
    override open func recordFailure(withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool) {
        let collected = recording.withLock { recording in
            guard recording.scenario != nil else { return false }
            recording.failures.append(RecordedFailure(description: description, file: filePath, line: lineNumber, expected: expected))
            return true
        }
        if !collected { super.recordFailure(withDescription: description, inFile: filePath, atLine: lineNumber, expected: expected) }
    }

    /// The suite's scenarios, each bound to a fresh subject from this suite's factories. Every
    /// suite overrides it; a suite that does not runs nothing, and `runAll()` returns 0.
    func scenarios() -> [BoundScenario] { [] }

    private func run(_ scenarios: [BoundScenario], reporting: Bool) async -> ConformanceReport {
        var report = ConformanceReport()
        for scenario in scenarios {
            recording.withLock { $0 = Recording(scenario: scenario.name) }
            do {
                try await scenario.run()
            } catch {
                recording.withLock {
                    $0.failures.append(RecordedFailure(description: "[\(scenario.name)] \(error)", file: #filePath, line: #line, expected: false))
                }
            }
            let failures = recording.withLock { recording in
                defer { recording = Recording() }
                return recording.failures.map { failure in
                    let tag = "[\(scenario.name)]"
                    return failure.description.contains(tag)
                        ? failure : RecordedFailure(description: "\(tag) \(failure.description)", file: failure.file, line: failure.line,
                                                    expected: failure.expected)
                }
            }
            report.add(scenario.name, failures: failures.map(\.description))
            guard reporting else { continue }
            for failure in failures {
                recordFailure(withDescription: failure.description, inFile: failure.file, atLine: failure.line, expected: failure.expected)
            }
        }
        return report
    }
}

/// A scenario bound to the suite that runs it: its name, and a body that makes a fresh subject
/// and runs the scenario on it.
struct BoundScenario {
    let name: String
    let run: () async throws -> Void
}
