import Foundation

/// Where a command's report goes: as text on standard output; with `--json`, one JSON document
/// on standard output and nothing else, the text going to standard error for a person watching,
/// so that `credit-medical … --json | jq` works. Errors always go to standard error.
struct Output: Sendable {
    /// Whether the command was asked for `--json`.
    let json: Bool

    /// Takes `--json` from the command line.
    init(_ arguments: inout Arguments) {
        json = arguments.flag("--json")
    }

    /// A line of the text report.
    func say(_ text: String) {
        if json { Self.standardError(text) } else { print(text) }
    }

    /// Writes `report` as the command's one JSON document, when `--json` was asked for: keys in
    /// snake case and sorted, through `JSONEncoder`.
    func document(_ report: some Encodable) throws {
        guard json else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    /// Writes `text` and a newline to standard error, after what standard output has buffered.
    static func standardError(_ text: String) {
        fflush(nil)
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
