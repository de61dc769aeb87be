import CreditMedicalTraining
import Foundation

/// `credit-medical score synthetic [--rows N] [--seed N] --out FILE.csv`
enum ScoreSyntheticCommand: Command {
    static let usage = CommandUsage(["score", "synthetic"], "[--rows N] [--seed N] --out FILE.csv", """
        Writes made-up applicants to try the other score commands on: 7 numeric and 13 text
        columns, some values missing, and the target `defaulted` (1 = bad, about 15 %) drawn
        from a model of the columns. The same seed (default 42) writes the same file.
        """)

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let rows = try arguments.positiveNumber("--rows") ?? 10_000
        let seedText = try arguments.value("--seed") ?? "42"
        guard let seed = UInt64(seedText) else { throw UsageError("--seed takes a whole number, not \(seedText)") }
        let out = try ScoreFiles.required("--out", &arguments)
        try arguments.finish()

        try ScoreFiles.write(Data(SyntheticCreditData(rows: rows, seed: seed).csv().utf8), to: out)
        print("\(rows) made-up applicants (seed \(seed)) written to \(out); the target column is \(SyntheticCreditData.target)")
        return 0
    }
}
