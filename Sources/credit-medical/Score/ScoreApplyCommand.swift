import CreditMedicalCore
import CreditMedicalTraining
import Foundation

/// `credit-medical score apply --scorecard F --data F [--key COLUMN] [--out F]`
enum ScoreApplyCommand: Command {
    static let usage = CommandUsage(["score", "apply"], "--scorecard FILE --data FILE.csv [--key COLUMN] [--out FILE.csv]", """
        Scores every applicant of a CSV and writes one row each: the line it came from, the
        value of the --key column (such as an applicant id), the score, and the adverse reasons
        (codes, Chinese, English; the costliest first, separated by "; "). Writes to standard
        output without --out.
        """)

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let scorecard = try ScoreFiles.scorecard(&arguments)
        let data = try ScoreFiles.required("--data", &arguments)
        let key = try arguments.value("--key")
        let out = try arguments.value("--out")
        try arguments.finish()

        let table = try ScoreFiles.table(data)
        let keys: ScoringBatch.Column? = try key.map { key in
            guard let column = table.column(key) else { throw UsageError("--key \(key) is not a column of \(data)") }
            return column
        }
        var text = (["line"] + (key.map { [$0] } ?? []) + ["score", "reason_codes", "reasons_chinese", "reasons_english"])
            .map(csvField).joined(separator: ",") + "\n"
        for row in 0..<table.rowCount {
            let decision: ScoreDecision
            do {
                decision = try scorecard.decide(table.applicant(row: row))
            } catch {
                throw BadInputError(underlying: error)
            }
            let reasons = decision.reasons
            let fields = ["\(table.rowLines[row])"] + (keys.map { [value(of: $0, at: row)] } ?? []) + ["\(decision.score)",
                reasons.map(\.code).joined(separator: "; "), reasons.map(\.chinese).joined(separator: "; "),
                reasons.map(\.english).joined(separator: "; ")]
            text += fields.map(csvField).joined(separator: ",") + "\n"
        }
        if let out {
            try ScoreFiles.write(Data(text.utf8), to: out)
            Output.standardError("scored \(table.rowCount) applicants with \(scorecard.identity); written to \(out)")
        } else {
            print(text, terminator: "")
        }
        return 0
    }

    /// A column's value in row `row` as text; empty when missing.
    private static func value(of column: ScoringBatch.Column, at row: Int) -> String {
        switch column {
        case .numbers(let values): values[row].isNaN ? "" : values[row] == values[row].rounded() && abs(values[row]) < 1e15
            ? String(Int64(values[row])) : String(values[row])
        case .categories(let codes, let dictionary): codes[row] < 0 ? "" : dictionary[Int(codes[row])]
        }
    }

    /// `text` as one CSV field, quoted when it holds a comma, a quote or a line break.
    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
