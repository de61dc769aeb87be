import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "bench":
    exit(try await BenchCommand.run(Array(arguments.dropFirst())))
default:
    print("usage: credit-medical bench ledger [--json]")
    exit(2)
}
