import Foundation
import XCTest

/// One PostgreSQL server in a temporary directory of its own: `initdb`, then `pg_ctl` on a Unix
/// socket only (no TCP), run as the `postgres` user when the tests run as root.
///
/// The shared server of the test run is one (``PostgresTestServer``); a test that stops, pauses
/// or reconfigures its server starts its own with ``start(for:settings:hba:)``, which stops and
/// removes it when the test ends, also when it fails. The directory is named after the test
/// process, so a run that crashed has its servers removed by the next one.
final class ThrowawayPostgres: @unchecked Sendable {
    /// The connection URL of the server's `postgres` database, as the `postgres` superuser.
    let url: String
    /// The directory holding the server's Unix socket.
    let socketDirectory: URL
    private let directory: URL
    private let binaries: URL

    private var data: URL { directory.appendingPathComponent("data") }

    private init(directory: URL, binaries: URL) {
        self.directory = directory
        self.binaries = binaries
        self.socketDirectory = directory.appendingPathComponent("socket")
        self.url = "postgresql:///postgres?host=\(socketDirectory.path)&port=5432&user=postgres"
    }

    /// A server of `testCase`'s own, removed when the test ends. `settings` go into
    /// `postgresql.conf` (`"synchronous_commit = off"`), `hba` lines before the `trust` lines of
    /// `pg_hba.conf`. Skips (or fails under `CI=true`) as ``PostgresTestServer/require()`` does
    /// when no PostgreSQL is installed.
    static func start(for testCase: XCTestCase, settings: [String] = [], hba: [String] = []) throws -> ThrowawayPostgres {
        guard let binaries = findBinaries() else {
            throw PostgresTestServer.unavailable(ServerError("no initdb under /usr/lib/postgresql/*/bin or on PATH"))
        }
        let server = try create(binaries: binaries, settings: settings, hba: hba)
        testCase.addTeardownBlock { server.remove() }
        return server
    }

    /// A new server, started; removed again when it cannot start.
    static func create(binaries: URL, settings: [String] = [], hba: [String] = []) throws -> ThrowawayPostgres {
        let directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("cm-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let server = ThrowawayPostgres(directory: directory, binaries: binaries)
        do {
            try FileManager.default.createDirectory(at: server.socketDirectory, withIntermediateDirectories: true)
            if getuid() == 0 {
                for path in [directory, server.socketDirectory] {
                    try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: path.path)
                }
            }
            try server.run("initdb", ["-D", server.data.path, "-A", "trust", "-U", "postgres", "--no-sync"])
            try server.append(settings, to: "postgresql.conf")
            if !hba.isEmpty {
                let file = server.data.appendingPathComponent("pg_hba.conf")
                let text = try String(contentsOf: file, encoding: .utf8)
                try (hba.joined(separator: "\n") + "\n" + text).write(to: file, atomically: false, encoding: .utf8)
            }
            try server.start()
        } catch {
            server.remove()
            throw error
        }
        return server
    }

    /// Starts the server (again) and waits until it takes connections.
    func start() throws {
        try run("pg_ctl", ["-D", data.path, "-w", "-t", "60", "-l", directory.appendingPathComponent("server.log").path,
                           "-o", "-k \(socketDirectory.path) -c listen_addresses='' -p 5432 -c fsync=on", "start"])
    }

    /// Stops the server at once, as a crash would: no checkpoint, nothing written that was not.
    func stopImmediately() throws {
        try run("pg_ctl", ["-D", data.path, "-m", "immediate", "-w", "stop"])
    }

    /// The process id of the server's postmaster, while it runs.
    func postmasterPID() throws -> pid_t {
        let text = try String(contentsOf: data.appendingPathComponent("postmaster.pid"), encoding: .utf8)
        guard let first = text.split(separator: "\n").first, let pid = pid_t(first) else { throw ServerError("no postmaster.pid") }
        return pid
    }

    /// Stops the server if it runs and removes its files.
    func remove() {
        if let pid = try? postmasterPID() { kill(pid, SIGCONT) }
        try? stopImmediately()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Stops and removes the servers of earlier test runs whose process ended without stopping
    /// them (a crash): their directories are named after the test process's id.
    static func removeServersOfEndedRuns() {
        guard let binaries = findBinaries() else { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []
        for entry in entries where entry.hasPrefix("cm-pg-") {
            let parts = entry.split(separator: "-")
            guard parts.count == 4, let pid = Int32(parts[2]), kill(pid, 0) != 0, errno == ESRCH else { continue }
            ThrowawayPostgres(directory: URL(fileURLWithPath: "/tmp").appendingPathComponent(entry), binaries: binaries).remove()
        }
    }

    static func findBinaries() -> URL? {
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

    private func append(_ lines: [String], to name: String) throws {
        guard !lines.isEmpty else { return }
        let handle = try FileHandle(forWritingTo: data.appendingPathComponent(name))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(("\n" + lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Runs a server program, as the `postgres` user when the tests run as root, and waits for
    /// it. Spawned directly (not with `Process`, which did not notice `runuser` ending once
    /// `pg_ctl` had left the server running); output goes to a file, not a pipe the server would
    /// keep open.
    private func run(_ name: String, _ arguments: [String]) throws {
        let program = binaries.appendingPathComponent(name).path
        let command = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] + arguments : [program] + arguments
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
            throw ServerError("\(name) failed (status \(status)): \(text.suffix(600))")
        }
    }

    struct ServerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
