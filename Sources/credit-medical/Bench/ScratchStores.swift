import CreditMedicalCore
import CreditMedicalPostgres
import CreditMedicalSQLite
import Foundation
import Synchronization

/// The stores of one benchmark run: SQLite files in a directory of their own under the temporary
/// directory (`TMPDIR`), or databases created next to the one a PostgreSQL URL names. All are
/// removed when the value goes away, and also when the process is interrupted (SIGINT, SIGTERM;
/// see ``SignalTrap``). Remembers whether every store it opened commits durably.
final class ScratchStores {
    private let scratch: Scratch
    private let trap: SignalTrap
    private(set) var durable = true

    /// Stores in a temporary directory, or on the server of `postgres` when it is given.
    init(postgres: String? = nil) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("credit-medical-bench-\(UUID().uuidString)")
        let scratch = Scratch(directory: directory, postgres: postgres)
        self.scratch = scratch
        trap = SignalTrap { scratch.remove() }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { scratch.remove() }

    /// Where the stores live, for the report.
    var location: String { scratch.postgres == nil ? "SQLite (WAL)" : "PostgreSQL" }

    /// A fresh SQLite database named `name`.
    func openSQLite(_ name: String) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: scratch.directory.appendingPathComponent("\(name).sqlite").path)
        let databaseIsDurable = try database.commitsAreDurable()
        durable = durable && databaseIsDurable
        return database
    }

    /// A fresh ledger store named `name`: on PostgreSQL when the stores live there.
    func openLedger(_ name: String) throws -> any LedgerStore {
        guard let postgres = scratch.postgres else { return try openSQLite(name).ledgerStore }
        let databaseName = "creditmedical_bench_\(name)_\(UInt32.random(in: 0...UInt32.max))"
        scratch.remember(databaseName)  // before it exists, so that an interruption while it is made drops it too
        let database = try PostgresDatabase(url: try PostgresDatabase.create(databaseName, on: postgres))
        let databaseIsDurable = try database.commitsAreDurable()
        durable = durable && databaseIsDurable
        return database.ledgerStore
    }
}

/// What a benchmark run leaves behind, and removing it: from the run itself or from a signal
/// handler, one at a time.
private final class Scratch: Sendable {
    let directory: URL
    let postgres: String?
    private let databases = Mutex<[String]>([])

    init(directory: URL, postgres: String?) {
        self.directory = directory
        self.postgres = postgres
    }

    func remember(_ database: String) {
        databases.withLock { $0.append(database) }
    }

    /// Removes the directory and drops the databases. A benchmark that is still writing may add a
    /// file while the directory goes, so removing is tried a few times.
    func remove() {
        databases.withLock { databases in
            for _ in 0..<5 where FileManager.default.fileExists(atPath: directory.path) {
                try? FileManager.default.removeItem(at: directory)
            }
            if let postgres { for name in databases { try? PostgresDatabase.drop(name, on: postgres) } }
            databases = []
        }
    }
}
