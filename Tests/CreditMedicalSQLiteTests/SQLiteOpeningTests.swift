@testable import CreditMedicalSQLite
import CreditMedicalTestSupport
import Foundation
import XCTest

/// Opening a file that other connections are using at the same moment.
final class SQLiteOpeningTests: XCTestCase {
    /// Another process holds the file's lock while this one opens it, first while the file is
    /// new and then while it is already in write-ahead-log mode and the other is writing: the
    /// store waits for the lock (up to its busy timeout) instead of failing with "database is
    /// locked". (The second case failed: asking for WAL mode in a file another process has just
    /// switched to it reads the file first and then needs the write lock, and SQLite does not
    /// wait for a lock a reader asks to upgrade to.)
    func testOpeningWaitsWhileAnotherConnectionHoldsTheLock() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("busy.sqlite")
        try openWhileAnotherHoldsTheLock(path, with: "BEGIN EXCLUSIVE")
        try openWhileAnotherHoldsTheLock(path, with: "BEGIN IMMEDIATE")
    }

    /// Opening a file that is already in write-ahead-log mode and at the current schema takes no
    /// write lock, so a process that opens it while others write does not wait for them. (Every
    /// open used to take the write lock to switch the mode and check the schema; with hundreds of
    /// processes opening at once, some waited longer than the busy timeout and failed.)
    func testOpeningAnUpToDateFileDoesNotWaitForAWriter() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("current.sqlite")
        _ = try SQLiteLedgerStore(path: path)
        let locked = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            guard let writer = try? SQLiteConnection(path: path), (try? writer.execute("BEGIN IMMEDIATE")) != nil else { return }
            locked.signal()
            _ = done.wait(timeout: .now() + 5)
            try? writer.execute("COMMIT")
        }
        XCTAssertEqual(locked.wait(timeout: .now() + 5), .success)
        let started = Date()
        let database = try SQLiteDatabase(path: path)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "opened without waiting for the writer")
        done.signal()
        XCTAssertTrue(try database.commitsAreDurable())
    }

    private func openWhileAnotherHoldsTheLock(_ path: String, with begin: String) throws {
        let locked = DispatchSemaphore(value: 0)
        let released = expectation(description: "lock released")
        Thread.detachNewThread {
            guard let other = try? SQLiteConnection(path: path), (try? other.execute(begin)) != nil else { return }
            locked.signal()
            Thread.sleep(forTimeInterval: 0.3)
            try? other.execute("COMMIT")
            released.fulfill()
        }
        XCTAssertEqual(locked.wait(timeout: .now() + 5), .success)
        let database = try SQLiteDatabase(path: path)
        wait(for: [released], timeout: 5)
        XCTAssertTrue(try database.commitsAreDurable())
    }
}
