public import Foundation

/// A policy the SDK loads from a JSON file (``EligibilityPolicy``, ``LimitPolicy``): a format
/// name and version, an id and version recorded with every decision, and a check of what the
/// format cannot say.
public protocol PolicyFile: Codable, Sendable {
    /// The `format` field of every file of this kind, such as `creditmedical.eligibility`.
    static var formatName: String { get }
    /// The format this SDK writes and the newest it reads.
    static var currentFormatVersion: Int { get }
    /// The keys each object of the format may have, by the key the object stands under (`""`
    /// for the top object); any other key is refused.
    static var keys: [String: Set<String>] { get }

    var format: String { get }
    var formatVersion: Int { get }
    /// The policy's name and version, recorded with every decision taken under it.
    var id: String { get }
    var version: String { get }

    /// Throws `PolicyError.Code.invalidPolicy` naming the first problem the format cannot say.
    func validate() throws(PolicyError)
}

extension PolicyFile {
    /// Reads a policy from its JSON and validates it: a key the format does not know, a missing
    /// or mistyped value, or what ``validate()`` finds is a `PolicyError.Code.invalidPolicy`
    /// naming the `path` and the `problem`; a newer format is `PolicyError.Code.unsupportedFormat`.
    public init(json: Data) throws(PolicyError) {
        if let version = StrictJSON.integer("formatVersion", in: json), version > Self.currentFormatVersion || version < 1 {
            throw PolicyError(.unsupportedFormat, context: ["policy": Self.formatName, "formatVersion": "\(version)",
                                                            "reads": "1...\(Self.currentFormatVersion)"])
        }
        do {
            self = try StrictJSON(keys: Self.keys).decode(Self.self, from: json)
        } catch {
            throw Self.invalid(error.path, error.problem)
        }
        guard format == Self.formatName else { throw Self.invalid("format", "must be \"\(Self.formatName)\"") }
        guard !id.isEmpty, !version.isEmpty else { throw Self.invalid("id", "id and version must not be empty") }
        try validate()
    }

    /// The policy as JSON: indented, keys sorted, for a person and for version control.
    public func json() -> Data {
        StrictJSON.encode(self)
    }

    /// The error of a problem at `path`.
    static func invalid(_ path: String, _ problem: String) -> PolicyError {
        PolicyError(.invalidPolicy, context: ["policy": formatName, "path": path.isEmpty ? "(file)" : path, "problem": problem])
    }
}
