import Foundation

/// A `bench` command: takes `--json` and the options that size its benchmark (each a positive
/// whole number in place of the default), runs the benchmark, says its figures and, with
/// `--json`, prints them as one document; exit status 0. The figures read alike in every
/// command: a ratio to one decimal with an `x`, and in the document rates as whole numbers,
/// seconds and ratios rounded to a few decimals.
protocol BenchCommand: Command {
    associatedtype Benchmark
    /// What `--json` prints.
    associatedtype Report: Encodable

    /// The benchmark as it runs without options.
    static var defaults: Benchmark { get }
    /// The options that size the benchmark, in the order the usage names them, and the size each
    /// sets.
    static var sizes: KeyValuePairs<String, WritableKeyPath<Benchmark, Int>> { get }

    /// Takes the command's options other than the sizes into `benchmark`; there are none unless
    /// the command says so.
    static func takeOptions(_ arguments: inout Arguments, into benchmark: inout Benchmark) throws(UsageError)

    /// Runs `benchmark`, says its figures on `output` and returns them for the document.
    static func measure(_ benchmark: Benchmark, output: Output) async throws -> Report
}

extension BenchCommand {
    static func takeOptions(_ arguments: inout Arguments, into benchmark: inout Benchmark) {}

    static func run(_ commandLine: Arguments) async throws -> Int32 {
        var arguments = commandLine
        let output = Output(&arguments)
        var benchmark = defaults
        for (option, size) in sizes {
            benchmark[keyPath: size] = try arguments.positiveNumber(option) ?? benchmark[keyPath: size]
        }
        try takeOptions(&arguments, into: &benchmark)
        try arguments.finish()
        try output.document(try await measure(benchmark, output: output))
        return 0
    }

    /// A ratio as the text says it: `14.5x`.
    static func text(ratio: Double) -> String { String(format: "%.1f", ratio) + "x" }

    /// `value` rounded to `places` decimals, as the document gives seconds and ratios.
    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = (0..<places).reduce(1.0) { scale, _ in scale * 10 }
        return (value * scale).rounded() / scale
    }
}
