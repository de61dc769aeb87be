/// `credit-medical help [COMMAND]`: the usage of every command, or of the one named.
enum HelpCommand: Command {
    static let usage = CommandUsage(["help"], "[COMMAND]", """
        This text; with a command's name (help bench, help checkouts), that command's usage.
        Every command also answers -h and --help with its usage.
        """)

    static func run(_ commandLine: Arguments) throws -> Int32 {
        var arguments = commandLine
        var path: [String] = []
        while let word = arguments.subcommand() { path.append(word) }
        try arguments.finish()
        guard CommandLineTool.hasCommands(under: path) else { throw UsageError("unknown command \(path.joined(separator: " "))") }
        print(CommandLineTool.usage(under: path))
        return 0
    }
}
