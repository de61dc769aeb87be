import CreditMedicalHIS

/// `credit-medical checkouts cancel ENCOUNTER [--database PATH|URL] [--json]`: marks an
/// unfinished checkout to be undone (`CreditDesk.requestCancellation(of:in:at:)`).
enum CheckoutsCancelCommand: Command {
    static let usage = CommandUsage(["checkouts", "cancel"], "ENCOUNTER [--database PATH|postgres://URL] [--json]", """
        Marks the encounter's unfinished checkout to be cancelled; the server's next
        resumeCheckouts() undoes what the insurers and the ledger did and opens the
        encounter again, so the bill can be corrected and checked out again.
        """)

    static func run(_ arguments: Arguments) throws -> Int32 {
        try CheckoutRequest.run(arguments, requested: "cancel",
                                next: "reverses the insurers' parts, releases the hold and opens the encounter again") {
            try CreditDesk.requestCancellation(of: $0, in: $1, at: $2)
        }
    }
}
