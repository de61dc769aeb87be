import CreditMedicalCore

/// What the tool itself refuses or cannot do (the SDK's own errors are printed as they are).
struct ToolError: CodedError {
    struct Code: ErrorCode {
        let rawValue: String
        init(rawValue: String) { self.rawValue = rawValue }

        /// The SQLite file the command should look at does not exist.
        static let databaseNotFound = Self(rawValue: "cli.database_not_found")
        /// A benchmark's workload did not go as designed, so its figures would mean nothing.
        static let benchmarkFailed = Self(rawValue: "cli.benchmark_failed")
        /// The encounter has no checkout that can be retried or cancelled; nothing was changed.
        static let noUnfinishedCheckout = Self(rawValue: "cli.no_unfinished_checkout")
        /// The demo's story did not go as written (a made-up patient was refused credit).
        static let demoFailed = Self(rawValue: "cli.demo_failed")

        var sentence: String {
            switch self {
            case .databaseNotFound: "There is no database file at the path."
            case .benchmarkFailed: "The benchmark's workload did not go as designed; its figures would mean nothing."
            case .noUnfinishedCheckout: "The encounter has no unfinished checkout to retry or cancel; nothing was changed."
            case .demoFailed: "The demo's story did not go as written."
            default: "The command failed."
            }
        }
    }

    let code: Code
    let context: [String: String]
    let details: String

    init(_ code: Code, context: [String: String] = [:], details: String = "") {
        self.code = code
        self.context = context
        self.details = details
    }
}
