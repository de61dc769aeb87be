import Foundation

/// The database's write-ahead log (`<database>-wal`), held open so that it can be fsynced
/// outside SQLite's locks.
final class WriteAheadLogFile: Sendable {
    private let descriptor: Int32

    /// Opens the log of the database at `database`; the log must exist (a write has happened),
    /// and the directory entries of the database and its log are synced once.
    init(database: String) throws(SQLiteStoreError) {
        descriptor = open(database + "-wal", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.failure("open the write-ahead log") }
        let directory = (database as NSString).deletingLastPathComponent
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryDescriptor >= 0 else { throw Self.failure("open the database's directory") }
        defer { close(directoryDescriptor) }
        guard fsync(directoryDescriptor) == 0 else { throw Self.failure("sync the database's directory") }
    }

    deinit { close(descriptor) }

    /// Waits until everything written to the log so far is on disk.
    func sync() throws(SQLiteStoreError) {
        guard fdatasync(descriptor) == 0 else { throw Self.failure("sync the write-ahead log") }
    }

    private static func failure(_ action: String) -> SQLiteStoreError {
        SQLiteStoreError(.syncFailed, message: "Could not \(action): \(String(cString: strerror(errno))).")
    }
}
