public import Foundation

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

    /// Starts the program with `arguments` in `directory`; its standard output and error go to
    /// `output` (nowhere when `nil`).
    public func start(_ arguments: [String], in directory: URL? = nil, output: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
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
