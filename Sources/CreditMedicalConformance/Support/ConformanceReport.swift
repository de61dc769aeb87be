/// What ``ConformanceSuite/evaluate()`` found: the scenarios that passed and those that failed,
/// with their failure messages, in the order of the suite's `allScenarios`.
public struct ConformanceReport: Sendable, Hashable, CustomStringConvertible {
    /// One scenario that failed.
    public struct Failure: Sendable, Hashable {
        /// The scenario's name.
        public let scenario: String
        /// Every failure it recorded, in order; each names the scenario in brackets.
        public let messages: [String]
    }

    /// The names of the scenarios that passed.
    public private(set) var passed: [String] = []
    /// The scenarios that failed.
    public private(set) var failures: [Failure] = []

    /// The names of the scenarios that failed.
    public var failedScenarios: [String] { failures.map(\.scenario) }

    public var description: String {
        let failed = failures.map { "\($0.scenario): \($0.messages.joined(separator: "; "))" }
        return "\(passed.count) passed, \(failures.count) failed" + (failed.isEmpty ? "" : " — " + failed.joined(separator: " | "))
    }

    mutating func add(_ scenario: String, failures messages: [String]) {
        if messages.isEmpty {
            passed.append(scenario)
        } else {
            failures.append(Failure(scenario: scenario, messages: messages))
        }
    }
}
