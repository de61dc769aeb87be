@testable import CreditMedicalPostgres
import Foundation
import Synchronization
import XCTest

/// The PostgreSQL server the tests share: a ``ThrowawayPostgres`` started on first use, stopped
/// and removed when the test bundle finishes. `CREDITMEDICAL_POSTGRES_URL` names a server to use
/// instead.
///
/// The scratch databases of ``makeDatabase()`` are dropped when the test case that made them
/// finishes, passed or failed (it observes the test run).
///
/// Where no server can be found, tests call ``require()``, which skips them saying why, except
/// under `CI=true` or `CREDITMEDICAL_REQUIRE_POSTGRES=1`, where that is a failure.
final class PostgresTestServer: NSObject, XCTestObservation, @unchecked Sendable {
    /// The connection URL of the server's `postgres` database.
    let url: String
    private let server: ThrowawayPostgres?
    /// The scratch databases of the running test cases, the innermost case's last (a test may
    /// run another); `nil` marks the case that was running when the observing began, whose
    /// start was not seen.
    private let scratch = Mutex<[(testCase: ObjectIdentifier?, databases: [String])]>([])

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
        case .failure(let error): throw unavailable(error)
        }
    }

    /// What a test throws when it has no server: `error` under `CI=true` or
    /// `CREDITMEDICAL_REQUIRE_POSTGRES=1`, else a skip that says why.
    static func unavailable(_ error: any Error) -> any Error {
        let environment = ProcessInfo.processInfo.environment
        if environment["CI"] == "true" || environment["CREDITMEDICAL_REQUIRE_POSTGRES"] == "1" { return error }
        return XCTSkip("No PostgreSQL server for these tests: \(error). Install PostgreSQL 15 or set CREDITMEDICAL_POSTGRES_URL.")
    }

    private init(url: String, server: ThrowawayPostgres?) {
        self.url = url
        self.server = server
    }

    func testBundleDidFinish(_ testBundle: Bundle) { server?.remove() }

    func testCaseWillStart(_ testCase: XCTestCase) {
        scratch.withLock { $0.append((ObjectIdentifier(testCase), [])) }
    }

    func testCaseDidFinish(_ testCase: XCTestCase) {
        let databases = scratch.withLock { cases in
            guard let index = cases.lastIndex(where: { $0.testCase == ObjectIdentifier(testCase) || $0.testCase == nil }) else { return [String]() }
            return cases.remove(at: index).databases
        }
        for name in databases { try? PostgresDatabase.drop(name, on: url) }
    }

    /// A fresh, empty database on the server, dropped when the running test case finishes; its URL.
    func makeDatabase() throws -> String {
        let name = "cm_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        scratch.withLock { cases in
            if cases.isEmpty { cases.append((nil, [])) }
            cases[cases.count - 1].databases.append(name)
        }
        return try PostgresDatabase.create(name, on: url)
    }

    /// Runs `sql` on the database at `url`.
    static func sql(_ url: String, _ sql: String) throws {
        try PostgresConnection(url: url).execute(sql)
    }

    /// The first column of the first row of the query `sql` on the database at `url`.
    static func scalar(_ url: String, _ sql: String) throws -> String? {
        try PostgresConnection(url: url).query(sql).text(0, 0)
    }

    private static func start() throws -> PostgresTestServer {
        if let url = ProcessInfo.processInfo.environment["CREDITMEDICAL_POSTGRES_URL"] {
            return PostgresTestServer(url: url, server: nil)
        }
        guard let binaries = ThrowawayPostgres.findBinaries() else {
            throw ThrowawayPostgres.ServerError("no initdb under /usr/lib/postgresql/*/bin or on PATH")
        }
        ThrowawayPostgres.removeServersOfEndedRuns()
        let server = try ThrowawayPostgres.create(binaries: binaries)
        return PostgresTestServer(url: server.url, server: server)
    }
}
