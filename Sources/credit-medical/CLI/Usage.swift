/// What `credit-medical help` prints.
enum Usage {
    static let text = """
        credit-medical: credit-based "treat first, pay later" care (信用就医) for hospital systems

        usage:
          credit-medical demo [--database PATH]
              An outpatient visit on credit, step by step, on a SQLite ledger
              (default ./credit-medical.sqlite). Each run enrolls a new patient.
          credit-medical audit [--database PATH]
              Checks the ledger's invariants (balances against the journal, held against open
              holds, every entry a command the ledger accepts) and lists every violation.
          credit-medical bench ledger [--commands N] [--callers N] [--lines N] [--json]
              Measures one transaction per command, group commit with concurrent callers and
              the state machine alone, on durable SQLite in a temporary directory.
          credit-medical help
              This text.
        """
}
