/// What `credit-medical help` prints.
enum Usage {
    static let text = """
        credit-medical: credit-based "treat first, pay later" care (信用就医) for hospital systems

        usage:
          credit-medical demo [--database PATH|postgres://URL]
              An outpatient visit and a five-day inpatient stay on credit, step by step, on a
              SQLite file (default ./credit-medical.sqlite) or a PostgreSQL database. Each run
              enrolls new patients.
          credit-medical audit [--database PATH|postgres://URL]
              Checks the ledger's invariants (balances against the journal, held against open
              holds, every entry a command the ledger accepts) and lists every violation.
          credit-medical bench ledger [--commands N] [--callers N] [--lines N] [--database postgres://URL] [--json]
              Measures one transaction per command, group commit with concurrent callers and
              the state machine alone, on durable SQLite in a temporary directory, or in scratch
              databases on the PostgreSQL server of the URL.
          credit-medical bench billing [--checkouts N] [--callers N] [--json]
              Measures a 20,000-item inpatient stay's settlement and outpatient checkouts with
              the fake insurers and bank, on durable SQLite in a temporary directory.
          credit-medical copy --from PATH|postgres://URL --to PATH|postgres://URL
              Copies a ledger (lines, holds, journal) into an empty one, a SQLite file into
              PostgreSQL say, by replaying its journal; checks that the copy equals the source
              and audits it; then copies the desk's encounters, bills, settlement records and
              notification outbox, each checked against the source.
          credit-medical help
              This text.
        """
}
