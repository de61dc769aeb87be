import CreditMedicalHIS

/// `credit-medical checkouts retry ENCOUNTER [--database PATH|URL] [--json]`: marks a parked
/// checkout to be run again (`CreditDesk.requestRetry(of:in:at:)`).
enum CheckoutsRetryCommand: Command {
    static let usage = CommandUsage(["checkouts", "retry"], "ENCOUNTER [--database PATH|postgres://URL] [--json]", """
        Marks the encounter's unfinished checkout to be tried again, once the cause of
        its parking is fixed; the server's next resumeCheckouts() runs it.
        """)

    static func run(_ arguments: Arguments) throws -> Int32 {
        try CheckoutRequest.run(arguments, requested: "retry",
                                next: "runs it again with the same request ids, so no party books it twice") {
            try CreditDesk.requestRetry(of: $0, in: $1, at: $2)
        }
    }
}
