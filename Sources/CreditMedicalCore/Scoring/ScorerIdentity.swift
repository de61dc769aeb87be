/// Which scorer decided: its id and version, as recorded with every decision.
public struct ScorerIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A stable name, such as `xiamen-bailu` or `bank-model`.
    public let id: String
    /// The version of the scorecard or model, such as `2026-11`.
    public let version: String

    public init(id: String, version: String) {
        self.id = id
        self.version = version
    }

    public var description: String { "\(id)@\(version)" }
}
