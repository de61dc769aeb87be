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

    /// The migrations of `current` (id, statements) whose digest differs from `released`, and the
    /// released ids that `current` no longer has; empty when nothing released was edited or lost.
    /// A migration not in `released` yet is new and passes: add its digest when it ships.
    public static func edited(_ current: [(id: String, sql: String)], released: [String: String]) -> [String] {
        let changed = current.filter { migration in released[migration.id].map { $0 != digest(migration.sql) } ?? false }.map(\.id)
        let ids = Set(current.map(\.id))
        let lost = released.keys.filter { !ids.contains($0) }.sorted()
        return changed + lost
    }
}
