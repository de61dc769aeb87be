import CreditMedicalSQLite
import Foundation

/// The SQLite stores of one benchmark run, in a directory of their own that goes away with the
/// value; remembers whether every store it opened commits durably.
final class ScratchStores {
    private let directory: URL
    private(set) var durable = true

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("credit-medical-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A fresh store named `name`.
    func open(_ name: String) throws -> SQLiteLedgerStore {
        let store = try SQLiteLedgerStore(path: directory.appendingPathComponent("\(name).sqlite").path)
        let storeIsDurable = try store.commitsAreDurable()
        durable = durable && storeIsDurable
        return store
    }
}
