import CreditMedicalCore
import CreditMedicalHIS
import Foundation

/// `credit-medical checkouts [--database PATH|URL] [--json]`: every checkout (or reversal) that
/// has not finished, parked ones with the reason an operator must know.
enum CheckoutsCommand: Command {
    static let usage = CommandUsage(["checkouts"], "[--database PATH|postgres://URL] [--json]", """
        Lists every checkout that has not finished: encounter, round, step, since when, and
        for a parked one (waiting for an operator) the code and the reason.
        """)

    /// What `--json` prints.
    struct Report: Encodable {
        var database: String
        var checkouts: [CheckoutSummary]
    }

    static func run(_ commandLine: Arguments) throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        let database = try DatabaseOption(&arguments)
        try arguments.finish()
        let snapshot = try database.snapshot()
        defer { snapshot.close() }
        let unfinished = Set(SettlementRecord.Step.allCases.filter { !$0.isFinal })
        let records = try snapshot.reader.settlements(in: unfinished, limit: .max)

        output.say(records.isEmpty ? "No unfinished checkout in \(database.printable)."
                                   : "\(records.count) unfinished checkout\(records.count == 1 ? "" : "s") in \(database.printable):")
        let iso = CheckoutSummary.iso
        for record in records {
            var text = "  \(record.encounter)  round \(record.round)  step \(record.step.rawValue)  began \(iso(record.startedAt))"
                + "  last change \(iso(record.updatedAt))"
            if let attention = record.attention {
                text += "\n      parked since \(iso(attention.since)): \(attention.reason)"
            }
            output.say(text)
        }
        if records.contains(where: { $0.attention != nil }) {
            output.say("Parked checkouts wait for an operator: credit-medical checkouts retry|cancel ENCOUNTER.")
        }
        try output.document(Report(database: database.printable, checkouts: records.map(CheckoutSummary.init)))
        return 0
    }
}
