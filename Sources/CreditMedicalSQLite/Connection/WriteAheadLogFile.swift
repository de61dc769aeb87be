import Foundation
import Synchronization

/// The database's write-ahead log (`<database>-wal`), held open so that it can be fsynced
/// outside SQLite's locks.
///
/// It counts the store's commits, so that a sync that began after a commit covers it: the ledger
/// and the desk flush the same log, and a flush whose commits an earlier sync already covered
/// returns at once instead of syncing again.
final class WriteAheadLogFile: Sendable {
    private let descriptor: Int32
    /// Commits counted so far, how many of them a finished sync covered, and how many syncs ran.
    /// What was written before the log was opened (migrations) counts as one commit, so the first
    /// sync happens.
    private let commits = Mutex<(counted: UInt64, synced: UInt64, syncs: Int)>((1, 0, 0))

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

    /// Counts a transaction that has just committed to the log.
    func committed() {
        commits.withLock { $0.counted += 1 }
    }

    /// Waits until every commit counted so far is on disk.
    func sync() throws(SQLiteStoreError) {
        let (target, covered) = commits.withLock { ($0.counted, $0.synced >= $0.counted) }
        guard !covered else { return }
        guard fdatasync(descriptor) == 0 else { throw Self.failure("sync the write-ahead log") }
        commits.withLock {
            $0.synced = max($0.synced, target)
            $0.syncs += 1
        }
    }

    /// Commits not yet covered by a finished sync, and how many syncs ran so far.
    var state: (unsynced: UInt64, syncs: Int) { commits.withLock { ($0.counted - $0.synced, $0.syncs) } }

    private static func failure(_ action: String) -> SQLiteStoreError {
        SQLiteStoreError(.syncFailed, message: "Could not \(action): \(String(cString: strerror(errno))).")
    }
}
