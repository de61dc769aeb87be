import CreditMedicalCore
import CreditMedicalTraining
import Foundation

/// The files the `score` commands read and write; a file they cannot use is a ``BadInputError``.
enum ScoreFiles {
    /// The CSV file at `path`.
    static func table(_ path: String) throws -> CSVTable {
        do {
            return try CSVTable(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw BadInputError(underlying: error)
        }
    }

    /// Takes `--scorecard FILE` from the command line and reads the scorecard there, validated.
    static func scorecard(_ arguments: inout Arguments) throws -> Scorecard {
        let path = try required("--scorecard", &arguments)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw BadInputError(underlying: ScoringError(.invalidScorecard, context: ["path": "(file)", "problem": "cannot read \(path)"]))
        }
        do {
            return try Scorecard(json: data)
        } catch {
            throw BadInputError(underlying: error)
        }
    }

    /// Runs `body`, which reads a table against a scorecard; its training errors are bad input.
    static func using<Result>(_ body: () throws(TrainingError) -> Result) throws -> Result {
        do {
            return try body()
        } catch {
            throw BadInputError(underlying: error)
        }
    }

    /// Writes `data` to `path`, replacing the file.
    static func write(_ data: Data, to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// A required option's value; a ``UsageError`` when it is missing.
    static func required(_ name: String, _ arguments: inout Arguments) throws -> String {
        guard let value = try arguments.value(name) else { throw UsageError("\(name) is missing") }
        return value
    }
}
