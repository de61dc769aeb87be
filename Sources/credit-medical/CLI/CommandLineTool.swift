/// The tool's commands, how a command line finds one, and where help and errors go.
enum CommandLineTool {
    /// Every command, in the order `help` lists them.
    static var commands: [any Command.Type] {
        [DemoCommand.self, AuditCommand.self, CheckoutsCommand.self, CheckoutsRetryCommand.self, CheckoutsCancelCommand.self,
         CopyCommand.self, ReportCommand.self, ScoreTrainCommand.self, ScoreEvaluateCommand.self, ScoreApplyCommand.self, ScoreMonitorCommand.self,
         ScoreReportCommand.self, ScoreSyntheticCommand.self, LedgerBenchCommand.self, BillingBenchCommand.self, ScoringBenchCommand.self,
         EnrollmentBenchCommand.self, CollectionBenchCommand.self, HelpCommand.self]
    }

    /// Runs the command line `words` (without the program's name) and returns the exit status: 0
    /// done, 1 failed (the error on standard error), 2 not understood (the error and the usage
    /// on standard error) or given a file it cannot use (the error on standard error). `-h` or
    /// `--help` anywhere prints the usage of the command named before it, or of every command
    /// under a group (`bench --help`), on standard output.
    static func run(_ words: [String]) async -> Int32 {
        var arguments = Arguments(words)
        var path: [String] = []
        while let word = arguments.subcommand(where: { word in commands.contains { $0.usage.words.starts(with: path + [word]) } }) {
            path.append(word)
        }
        do {
            if arguments.help() {
                print(usage(under: path))
                return 0
            }
            guard let command = commands.first(where: { $0.usage.words == path }) else {
                if let word = arguments.subcommand() { throw UsageError("unknown command \((path + [word]).joined(separator: " "))") }
                guard !path.isEmpty else {
                    try arguments.finish()
                    print(usage(under: []))
                    return 0
                }
                let next = commands.compactMap { $0.usage.words.starts(with: path) ? $0.usage.words.dropFirst(path.count).first : nil }
                throw UsageError("\(path.joined(separator: " ")) needs one of: \(next.joined(separator: ", "))")
            }
            return try await command.run(arguments)
        } catch let error as UsageError {
            Output.standardError("error: \(error)\n\n\(usage(under: path))")
            return 2
        } catch let error as BadInputError {
            Output.standardError("error: \(error)")
            return 2
        } catch {
            // Work an interruption cut short fails; the interruption is what ends the process.
            SignalTrap.waitIfCaught()
            Output.standardError("error: \(error)")
            return 1
        }
    }

    /// The usage of every command whose words begin with `path`; with the tool's description
    /// above it for the whole tool.
    static func usage(under path: [String]) -> String {
        let texts = commands.filter { $0.usage.words.starts(with: path) }.map { $0.usage.text }
        let header = path.isEmpty ? "credit-medical: credit-based \"treat first, pay later\" care (信用就医) for hospital systems\n\n" : ""
        return header + "usage:\n" + texts.joined(separator: "\n")
    }

    /// Whether a command's words begin with `path`.
    static func hasCommands(under path: [String]) -> Bool {
        commands.contains { $0.usage.words.starts(with: path) }
    }
}
