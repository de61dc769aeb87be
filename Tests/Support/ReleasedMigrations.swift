import XCTest

/// The check that a released migration is never edited: each migration's statements, as a store
/// runs them, keep the digest they were released with. A database that ran a migration is not
/// migrated again, so an edited one would leave new and old databases with different schemas.
public enum ReleasedMigrations {
    /// The FNV-1a (64-bit) digest of `sql`'s UTF-8 bytes, in hex: enough to see an edit, not a
    /// security measure.
    public static func digest(_ sql: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Fails the test for every migration of `current` (id, statements) whose digest is not the
    /// one `released` holds, for every released id `current` no longer has, and for every
    /// migration without a released digest; the last failure lists the entries to add.
    public static func assertUnedited(_ current: [(id: String, sql: String)], released: [String: String],
                                      file: StaticString = #filePath, line: UInt = #line) {
        let edited = current.filter { migration in released[migration.id].map { $0 != digest(migration.sql) } ?? false }.map(\.id)
        XCTAssertEqual(edited, [], "released migrations were edited", file: file, line: line)
        let ids = Set(current.map(\.id))
        XCTAssertEqual(released.keys.filter { !ids.contains($0) }.sorted(), [], "released migrations are gone", file: file, line: line)
        let unreleased = current.filter { released[$0.id] == nil }.map { "\"\($0.id)\": \"\(digest($0.sql))\"," }
        XCTAssertEqual(unreleased, [], "migrations without a released digest: add these entries", file: file, line: line)
    }
}
