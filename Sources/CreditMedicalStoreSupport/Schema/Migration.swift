/// One named change to a store's schema: a table, a column, an index. Its id (``id``) is recorded
/// in the database when it runs, so a database says by name what it has, and a migration is
/// never edited once released: a later change is a new migration.
package struct Migration: Sendable {
    /// The part of the data model the migration belongs to.
    package let domain: SchemaDomain
    /// Its name within the domain, such as `create` or `revision`.
    package let name: String
    /// The statements, in the store's SQL dialect.
    package let sql: String

    package init(_ domain: SchemaDomain, _ name: String, _ sql: String) {
        self.domain = domain
        self.name = name
        self.sql = sql
    }

    /// The name recorded in the database: `domain/name`, such as `encounters/revision`.
    package var id: String { "\(domain.rawValue)/\(name)" }
}

/// The parts of the data model that own tables. Each domain's migrations run in the order they
/// are listed, and the domains in the order of these cases; a domain that arrives later adds a case
/// and its own list.
package enum SchemaDomain: String, Sendable, CaseIterable {
    /// Credit lines, holds and the journal.
    case ledger
    /// The desk's encounters, charges, settlement records and notification outbox.
    case encounters
    /// Credit score decisions, with their scorer, inputs and reasons.
    case scoring
    /// Consent signatures and cancellations.
    case enrollment
    /// Receivables folded from the journal, the journal position they reflect, and the overdue
    /// job's collection progress and events.
    case receivables
    /// The arrears list (欠费名单) and its outbox of registry pushes.
    case blacklist
}
