import CreditMedicalCore
import XCTest

/// One named check of a conformance suite, run on what the suite prepares for it (`Subject`: a
/// fresh adapter, store or fixture).
public struct ConformanceScenario<Subject>: Sendable {
    /// A stable name, shown in failures.
    public let name: String
    let body: @Sendable (Subject) async throws -> Void

    init(_ name: String, _ body: @escaping @Sendable (Subject) async throws -> Void) {
        self.name = name
        self.body = body
    }

    /// This scenario run on a fresh subject from `make` each time.
    func bound(to make: @escaping () throws -> Subject) -> BoundScenario {
        BoundScenario(name: name) { try await body(make()) }
    }
}

/// A failure of a suite's own set-up, or a check a scenario could not make.
struct ConformanceError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Fails unless `body` throws an `AdapterError`-like coded error with `code`.
func expectThrows<Code: ErrorCode>(
    _ code: Code, _ scenario: String, file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> Void
) async {
    do {
        try await body()
        XCTFail("[\(scenario)] expected \(code)", file: file, line: line)
    } catch {
        XCTAssertTrue(code ~= error, "[\(scenario)] expected \(code), got \(error)", file: file, line: line)
    }
}

/// The suite object, captured by scenarios' closures; XCTest runs a test case on one task.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
