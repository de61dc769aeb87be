import CreditMedicalTestSupport
import Foundation
import XCTest

/// What the tests of the `credit-medical` tool share: a working directory of their own, removed
/// afterwards, and running the built tool in it as a user would.
class CommandLineTestCase: XCTestCase {
    let tool = BuiltProgram("credit-medical")
    private(set) var directory: URL!

    override func setUp() async throws {
        try await super.setUp()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("credit-medical-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    /// A path in the test's directory.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Runs the tool in the test's directory; its exit status and both streams together.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try tool.run(arguments, in: directory)
    }

    /// Runs the tool in the test's directory; its exit status and its streams apart.
    func runApart(_ arguments: [String], environment: [String: String] = [:]) throws -> BuiltProgram.Outcome {
        try tool.runApart(arguments, in: directory, environment: environment)
    }
}
