import Foundation

/// `credit-medical bench enrollment [--enrollments N] [--lines N] [--json]`
enum EnrollmentBenchCommand: BenchCommand {
    static let usage = CommandUsage(["bench", "enrollment"], "[--enrollments N] [--lines N] [--json]", """
        Times N enrollments (default 20,000) through the whole saga in batches of 1,000, and
        the review job over N lines (default 1,000,000) in one run, each against one item at a
        time in the same process; on durable SQLite in a temporary directory with in-memory
        fakes for the data source, the bank and the notices, removed when done or interrupted.
        """)

    /// What `--json` prints.
    struct Report: Encodable {
        var durable: Bool
        var enrollments: Int
        var enrollmentsPerS: Int
        var naiveEnrollments: Int
        var naiveEnrollmentsPerS: Int
        var ratio: Double
        var reviewLines: Int
        var reviewS: Double
        var reviewChanges: Int
        var naiveReviewLines: Int
        var naiveReviewLinesPerS: Int
        var reviewRatio: Double
    }

    static let defaults = EnrollmentBenchmark()
    static var sizes: KeyValuePairs<String, WritableKeyPath<EnrollmentBenchmark, Int>> { ["--enrollments": \.enrollments, "--lines": \.reviewLines] }

    static func measure(_ benchmark: EnrollmentBenchmark, output: Output) async throws -> Report {
        let stores = try ScratchStores()
        let figures = try await benchmark.run(makeDatabase: stores.openSQLite)
        let reviewPerSecond = Double(benchmark.reviewLines) / figures.reviewSeconds
        let reviewRatio = reviewPerSecond / figures.naiveReviewLinesPerSecond
        output.say("enrollment benchmark on \(stores.location)\(stores.durable ? "" : " (NOT durable)"), fakes in memory")
        output.say("  (a) \(Double(benchmark.enrollments).grouped) enrollments in batches of \(EnrollmentBenchmark.batchSize): "
            + "\(figures.enrollmentsPerSecond.grouped)/s")
        output.say("  (b) \(Double(figures.naiveEnrollments).grouped) enrollments one at a time: \(figures.naiveEnrollmentsPerSecond.grouped)/s")
        output.say("  ratio a/b: \(text(ratio: figures.ratio))")
        output.say("  (c) review of \(Double(benchmark.reviewLines).grouped) lines in one run: \(String(format: "%.2f", figures.reviewSeconds)) s, "
            + "\(Double(figures.reviewChanges).grouped) changed (\(reviewPerSecond.grouped) lines/s)")
        output.say("  (d) review of \(Double(figures.naiveReviewLines).grouped) lines one at a time: \(figures.naiveReviewLinesPerSecond.grouped) lines/s")
        output.say("  ratio c/d: \(text(ratio: reviewRatio))")
        return Report(
            durable: stores.durable, enrollments: benchmark.enrollments, enrollmentsPerS: Int(figures.enrollmentsPerSecond),
            naiveEnrollments: figures.naiveEnrollments, naiveEnrollmentsPerS: Int(figures.naiveEnrollmentsPerSecond),
            ratio: rounded(figures.ratio, places: 2), reviewLines: benchmark.reviewLines,
            reviewS: rounded(figures.reviewSeconds, places: 3), reviewChanges: figures.reviewChanges,
            naiveReviewLines: figures.naiveReviewLines, naiveReviewLinesPerS: Int(figures.naiveReviewLinesPerSecond),
            reviewRatio: rounded(reviewRatio, places: 2))
    }
}
