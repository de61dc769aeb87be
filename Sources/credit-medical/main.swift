import Foundation

var arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
let status: Int32
do {
    switch arguments.subcommand() {
    case "demo":
        status = try await DemoCommand.run(arguments)
    case "audit":
        status = try AuditCommand.run(arguments)
    case "bench":
        status = try await BenchCommand.run(arguments)
    case "copy":
        status = try CopyCommand.run(arguments)
    case "help", nil:
        _ = arguments.flag("--help")
        try arguments.finish()
        print(Usage.text)
        status = 0
    case let other?:
        throw UsageError("unknown command \(other)")
    }
} catch let error as UsageError {
    FileHandle.standardError.write(Data("error: \(error)\n\n\(Usage.text)\n".utf8))
    status = 2
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    status = 1
}
exit(status)
