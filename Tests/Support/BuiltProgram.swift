public import Foundation
import Synchronization

/// A program of this package built into the same products directory as the running tests (the
/// `credit-medical` tool, the test worker), started as a user or another process would.
public struct BuiltProgram: Sendable {
    /// The program's file.
    public let url: URL

    /// The program named `name` next to the test bundle.
    public init(_ name: String) {
        var products = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while products.pathExtension == "xctest" || products.lastPathComponent == "MacOS" || products.lastPathComponent == "Contents" {
            products.deleteLastPathComponent()
        }
        if !FileManager.default.fileExists(atPath: products.appendingPathComponent(name).path) { products.deleteLastPathComponent() }
        url = products.appendingPathComponent(name)
    }

    /// Starts the program with `arguments` in `directory`, with `environment` added to this
    /// process's; its standard output goes to `output` and its standard error to `errors`, which
    /// is `output` unless given (nowhere when `nil`).
    public func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], output: Pipe? = nil,
                      errors: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = errors ?? output ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs the program to its end and returns its exit status and everything it printed.
    public func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let pipe = Pipe()
        let process = try start(arguments, in: directory, output: pipe)
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// What a run printed on each stream, and how it ended.
    public struct Outcome: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
        /// Both streams, for failure messages.
        public var both: String { "stdout:\n\(standardOutput)\nstderr:\n\(standardError)" }

        /// Standard output parsed as one JSON object (`nil` when it is not one).
        public var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(standardOutput.utf8))) as? [String: Any]
        }
    }

    /// Runs the program to its end and returns its exit status and its two streams apart.
    public func runApart(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let (output, errors) = (Pipe(), Pipe())
        let process = try start(arguments, in: directory, environment: environment, output: output, errors: errors)
        // Both pipes are read at once, so that a full one never blocks the program.
        let errorData = Mutex(Data())
        let reading = DispatchGroup()
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async(group: reading) {
            let data = errorHandle.readDataToEndOfFile()
            errorData.withLock { $0 = data }
        }
        let outputText = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        reading.wait()
        let standardError = String(decoding: errorData.withLock { $0 }, as: UTF8.self)
        return Outcome(status: process.terminationStatus, standardOutput: outputText, standardError: standardError)
    }

    /// Runs one copy of the program per argument list, all at once, and returns each one's exit
    /// status and output once all have ended.
    public func runTogether(_ runs: [[String]], in directory: URL? = nil) throws -> [(status: Int32, output: String)] {
        let pipes = runs.map { _ in Pipe() }
        let processes = try zip(runs, pipes).map { try start($0, in: directory, output: $1) }
        return zip(processes, pipes).map { process, pipe in
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self))
        }
    }
}
