import CreditMedicalCore
import CreditMedicalHIS

/// What `checkouts retry` and `checkouts cancel` share: they mark one checkout in the store, and
/// the server, which talks to the parties, does the rest at its next `resumeCheckouts()`.
enum CheckoutRequest {
    /// What `--json` prints: the database, the request, and the checkout's keys beside them.
    struct Report: Encodable {
        private enum CodingKeys: CodingKey { case database, requested }

        var database: String
        var requested: String
        var checkout: CheckoutSummary

        func encode(to encoder: any Encoder) throws {
            try checkout.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(database, forKey: .database)
            try container.encode(requested, forKey: .requested)
        }
    }

    /// Takes the encounter and the options from `commandLine`, marks the checkout with `mark`,
    /// says what happens next with `next`; `requested` names the request in the report.
    static func run(
        _ commandLine: Arguments, requested: String, next: String,
        mark: (EncounterID, any EncounterStore, Timestamp) throws -> SettlementRecord
    ) throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        let database = try DatabaseOption(&arguments)
        let word = arguments.subcommand()
        try arguments.finish()
        guard let word else { throw UsageError("the encounter is missing") }
        let encounter = EncounterID(word)
        let store = try database.openExisting().encounterStore
        let record: SettlementRecord
        do {
            record = try mark(encounter, store, SystemClock().now())
        } catch let error as BillingError where error.code == .notReversible {
            throw ToolError(.noUnfinishedCheckout, context: error.context)
        }
        output.say("\(encounter): \(requested) requested (round \(record.round), step \(record.step.rawValue)) in \(database.printable).")
        output.say("The server's next resumeCheckouts() (run at start and every minute) \(next).")
        try output.document(Report(database: database.printable, requested: requested, checkout: CheckoutSummary(record)))
        return 0
    }
}
