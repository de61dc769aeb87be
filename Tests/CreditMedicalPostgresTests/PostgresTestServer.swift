@testable import CreditMedicalPostgres
import Foundation
import XCTest

/// A throwaway PostgreSQL server for the test run: `initdb` into a temporary directory, started
/// with `pg_ctl` on a Unix socket only (no TCP), run as the `postgres` user when the tests run as
/// root, stopped and removed when the test bundle finishes. `CREDITMEDICAL_POSTGRES_URL` names
/// a server to use instead.
///
/// Where no server can be found, tests call ``require()``, which skips them saying why, except
/// under `CI=true` or `CREDITMEDICAL_REQUIRE_POSTGRES=1`, where that is a failure.
final class PostgresTestServer: NSObject, XCTestObservation, @unchecked Sendable {
    /// The connection URL of the server's `postgres` database.
    let url: String
    private let directory: URL?
    private let binaries: URL?

    private static let lock = NSLock()
    nonisolated(unsafe) private static var started: Result<PostgresTestServer, any Error>?

    /// The server for this test run, started on first use.
    static func require() throws -> PostgresTestServer {
        let outcome = lock.withLock {
            if let started { return started }
            let outcome = Result { try start() }
            started = outcome
            if case .success(let server) = outcome { XCTestObservationCenter.shared.addTestObserver(server) }
            return outcome
        }
        switch outcome {
        case .success(let server): return server
        case .failure(let error):
            let environment = ProcessInfo.processInfo.environment
            if environment["CI"] == "true" || environment["CREDITMEDICAL_REQUIRE_POSTGRES"] == "1" { throw error }
            throw XCTSkip("No PostgreSQL server for these tests: \(error). Install PostgreSQL 15 or set CREDITMEDICAL_POSTGRES_URL.")
        }
    }

    private init(url: String, directory: URL?, binaries: URL?) {
        self.url = url
        self.directory = directory
        self.binaries = binaries
    }

    func testBundleDidFinish(_ testBundle: Bundle) { stop() }

    /// A fresh, empty database on the server; its URL.
    func makeDatabase() throws -> String {
        try PostgresDatabases.create("cm_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20), on: url)
    }

    /// Runs `sql` on the database at `url`.
    static func sql(_ url: String, _ sql: String) throws {
        try PostgresConnection(url: url).execute(sql)
    }

    private static func start() throws -> PostgresTestServer {
        if let url = ProcessInfo.processInfo.environment["CREDITMEDICAL_POSTGRES_URL"] {
            return PostgresTestServer(url: url, directory: nil, binaries: nil)
        }
        guard let binaries = findBinaries() else { throw ServerError("no initdb under /usr/lib/postgresql/*/bin or on PATH") }
        removeServersOfEndedRuns(binaries)
        let directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("cm-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let data = directory.appendingPathComponent("data")
        let socket = directory.appendingPathComponent("socket")
        try FileManager.default.createDirectory(at: socket, withIntermediateDirectories: true)
        if getuid() == 0 {
            for path in [directory, socket] {
                try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: path.path)
            }
        }
        do {
            try run(binaries.appendingPathComponent("initdb"), ["-D", data.path, "-A", "trust", "-U", "postgres", "--no-sync"])
            try run(binaries.appendingPathComponent("pg_ctl"), [
                "-D", data.path, "-w", "-t", "60", "-l", directory.appendingPathComponent("server.log").path,
                "-o", "-k \(socket.path) -c listen_addresses='' -p 5432 -c fsync=on", "start",
            ])
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        return PostgresTestServer(url: "postgresql:///postgres?host=\(socket.path)&port=5432&user=postgres",
                                  directory: directory, binaries: binaries)
    }

    /// Stops the server and removes its files.
    func stop() {
        guard let directory, let binaries else { return }
        try? Self.run(binaries.appendingPathComponent("pg_ctl"),
                      ["-D", directory.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Stops and removes the servers of earlier test runs whose process ended without stopping
    /// them (a crash): their directories are named after the test process's id.
    private static func removeServersOfEndedRuns(_ binaries: URL) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []
        for entry in entries where entry.hasPrefix("cm-pg-") {
            let parts = entry.split(separator: "-")
            guard parts.count == 4, let pid = Int32(parts[2]), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let directory = URL(fileURLWithPath: "/tmp").appendingPathComponent(entry)
            try? run(binaries.appendingPathComponent("pg_ctl"),
                     ["-D", directory.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
            try? FileManager.default.removeItem(at: directory)
        }
    }

    private static func findBinaries() -> URL? {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let bin = URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin")
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for entry in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(entry)/initdb") {
            return URL(fileURLWithPath: String(entry))
        }
        return nil
    }

    /// Runs a server program, as the `postgres` user when the tests run as root, and waits for
    /// it. Spawned directly (not with `Process`, which did not notice `runuser` ending once
    /// `pg_ctl` had left the server running); output goes to a file, not a pipe the server would
    /// keep open.
    private static func run(_ program: URL, _ arguments: [String]) throws {
        let command = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", program.path] + arguments
                                    : [program.path] + arguments
        let outputPath = NSTemporaryDirectory() + "cm-pg-output-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv = command.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { throw ServerError("cannot start \(command[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited && code == 0 else {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw ServerError("\(program.lastPathComponent) failed (status \(status)): \(text.suffix(600))")
        }
    }

    struct ServerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
