import CreditMedicalCore
import CreditMedicalPostgres
import CreditMedicalSQLite
import Foundation

/// The stores of one benchmark run: SQLite files in a directory of their own, or databases created
/// next to the one a PostgreSQL URL names; all removed when the value goes away. Remembers whether
/// every store it opened commits durably.
final class ScratchStores {
    private let directory: URL
    private let postgres: String?
    private var databases: [String] = []
    private(set) var durable = true

    /// Stores in a temporary directory, or on the server of `postgres` when it is given.
    init(postgres: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("credit-medical-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.postgres = postgres
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
        if let postgres { for name in databases { try? PostgresDatabases.drop(name, on: postgres) } }
    }

    /// Where the stores live, for the report.
    var location: String { postgres == nil ? "SQLite (WAL)" : "PostgreSQL" }

    /// A fresh SQLite store named `name`.
    func openSQLite(_ name: String) throws -> SQLiteLedgerStore {
        let store = try SQLiteLedgerStore(path: directory.appendingPathComponent("\(name).sqlite").path)
        let storeIsDurable = try store.commitsAreDurable()
        durable = durable && storeIsDurable
        return store
    }

    /// A fresh ledger store named `name`: on PostgreSQL when the stores live there.
    func openLedger(_ name: String) throws -> any LedgerStore {
        guard let postgres else { return try openSQLite(name) }
        let database = "creditmedical_bench_\(name)_\(UInt32.random(in: 0...UInt32.max))"
        let store = try PostgresLedgerStore(url: try PostgresDatabases.create(database, on: postgres))
        databases.append(database)
        let storeIsDurable = try store.commitsAreDurable()
        durable = durable && storeIsDurable
        return store
    }
}
