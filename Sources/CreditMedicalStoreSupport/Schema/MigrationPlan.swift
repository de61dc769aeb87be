/// A store's migrations in the order they run, and what a database's record of the ones it ran
/// means: which are still to run, and which this SDK does not know (the database was written by a
/// newer SDK). Both SQL stores decide with it; each runs the statements in its own dialect
/// (``SQLDialect``). A released migration is never edited: the stores' tests hold the digest of
/// each one's statements.
///
/// Until schema version 4 the stores recorded only how many migrations had run (SQLite's
/// `user_version`, PostgreSQL's `creditmedical_schema`); ``numbered`` names what each of those
/// versions had run. From ``namedVersion`` on they record every migration by name, and keep that
/// number at ``namedVersion`` so that an SDK from before refuses the database as newer than it.
package struct MigrationPlan: Sendable {
    /// The version number a database gets once its migrations are recorded by name.
    package static let namedVersion = 5

    /// The migrations that schema versions 1 to 4 had run, in that order: version `n` had run
    /// the first `n`.
    package static let numbered = ["ledger/create", "encounters/create", "encounters/revision", "encounters/claims"]

    /// Every migration, domain by domain, each domain's in the order given.
    package let migrations: [Migration]

    /// The plan of `migrations`, which hold each domain's in order. Stops the program when two
    /// share an id or one of ``numbered`` is missing: a mistake in the SDK, not in a database.
    package init(_ migrations: [Migration]) {
        self.migrations = SchemaDomain.allCases.flatMap { domain in migrations.filter { $0.domain == domain } }
        let ids = self.migrations.map(\.id)
        precondition(Set(ids).count == ids.count, "two migrations share an id: \(ids)")
        precondition(Self.numbered.allSatisfy(ids.contains), "a migration of the numbered versions is missing: \(ids)")
    }

    /// Every migration of this SDK in `dialect`: the tables are defined once for both stores.
    package init(_ dialect: SQLDialect) {
        self.init(Self.ledger(dialect) + Self.encounters(dialect) + Self.scoring(dialect) + Self.enrollment(dialect)
                  + Self.receivables(dialect) + Self.blacklist(dialect))
    }

    /// The ids of every migration, in the order they run.
    package var ids: [String] { migrations.map(\.id) }

    /// What a database at numbered `version` (0 to 4: 0 for a new one) had run.
    package static func ran(byNumberedVersion version: Int) -> Set<String> {
        Set(numbered.prefix(max(0, version)))
    }

    /// The migrations a database that ran `recorded` still needs, in the order they run.
    package func pending(after recorded: Set<String>) -> [Migration] {
        migrations.filter { !recorded.contains($0.id) }
    }

    /// The recorded migrations this SDK does not know, sorted: not empty for a database that a
    /// newer SDK has migrated.
    package func unknown(in recorded: Set<String>) -> [String] {
        recorded.subtracting(ids).sorted()
    }
}
