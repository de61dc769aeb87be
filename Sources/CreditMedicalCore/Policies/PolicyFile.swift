import Foundation

/// A policy the SDK loads from a JSON file: a format name and version, an id and version recorded
/// with every decision, and a check of what the format cannot say.
protocol PolicyFile: Codable {
    /// The `format` field of every file of this kind, such as `creditmedical.eligibility`.
    static var formatName: String { get }
    /// The format this SDK writes and the newest it reads.
    static var currentFormatVersion: Int { get }
    /// The keys each object of the format may have (see ``StrictJSON/keys``).
    static var keys: [String: Set<String>] { get }

    var format: String { get }
    var formatVersion: Int { get }

    /// Throws `PolicyError.Code.invalidPolicy` naming the first problem.
    func validate() throws(PolicyError)
}

extension PolicyFile {
    /// Reads and validates a policy file.
    static func load(_ json: Data) throws(PolicyError) -> Self {
        if let version = StrictJSON.integer("formatVersion", in: json), version > currentFormatVersion || version < 1 {
            throw PolicyError(.unsupportedFormat, context: ["policy": formatName, "formatVersion": "\(version)",
                                                            "reads": "1...\(currentFormatVersion)"])
        }
        let policy: Self
        do {
            policy = try StrictJSON(keys: keys).decode(Self.self, from: json)
        } catch {
            throw invalid(error.path, error.problem)
        }
        guard policy.format == formatName else { throw invalid("format", "must be \"\(formatName)\"") }
        try policy.validate()
        return policy
    }

    /// The error of a problem at `path`.
    static func invalid(_ path: String, _ problem: String) -> PolicyError {
        PolicyError(.invalidPolicy, context: ["policy": formatName, "path": path.isEmpty ? "(file)" : path, "problem": problem])
    }
}
