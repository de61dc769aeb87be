/// The audit's usage, in the tool's list of commands (``CommandLineTool``).
extension AuditCommand: Command {
    static let usage = CommandUsage(["audit"], "[--database PATH|postgres://URL]", """
        Checks the ledger's invariants (balances against the journal, held against open
        holds, every entry a command the ledger accepts) and lists every violation.
        """)
}
