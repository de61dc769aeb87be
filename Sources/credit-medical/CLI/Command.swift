/// A command of the tool, such as `credit-medical bench ledger`: the words that name it, its
/// usage and what it does. ``CommandLineTool`` finds the command, answers `-h`/`--help` with its
/// usage, and prints errors: a ``UsageError`` with the usage (exit status 2), any other error as
/// text on standard error (exit status 1).
protocol Command {
    /// What `credit-medical help` and `--help` print for the command: the one place it is written.
    static var usage: CommandUsage { get }

    /// Runs the command on the rest of the command line (the words after its name); returns the
    /// exit status. Takes every option it knows from `arguments` and calls
    /// ``Arguments/finish()``, so that an unknown option is a ``UsageError``.
    static func run(_ arguments: Arguments) async throws -> Int32
}

/// How a command is called and what it does, as `help` and `--help` print it.
struct CommandUsage: Sendable {
    /// The words that name the command: `["bench", "ledger"]`.
    let words: [String]
    /// The arguments and options after the words: `[--commands N] [--json]`.
    let options: String
    /// What the command does, in a few sentences.
    let summary: String

    init(_ words: [String], _ options: String, _ summary: String) {
        self.words = words
        self.options = options
        self.summary = summary
    }

    /// The usage line and the summary below it, indented as the help lists commands.
    var text: String {
        let line = (["credit-medical"] + words + (options.isEmpty ? [] : [options])).joined(separator: " ")
        let summaryLines = summary.split(separator: "\n", omittingEmptySubsequences: false).map { "      \($0)" }
        return (["  \(line)"] + summaryLines).joined(separator: "\n")
    }
}
