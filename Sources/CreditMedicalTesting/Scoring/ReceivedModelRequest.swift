public import CreditMedicalCore
public import Foundation

/// A request a ``FakeModelServer`` received, as it arrived.
public struct ReceivedModelRequest: Sendable, Hashable {
    /// The method, such as `POST`.
    public let method: String
    /// The request target, such as `/score`.
    public let path: String
    /// The headers by lowercased name.
    public let headers: [String: String]
    /// The body's bytes.
    public let body: Data
    /// The body read as a `ModelRequest`; `nil` when it is not one.
    public let request: ModelRequest?

    public init(method: String, path: String, headers: [String: String], body: Data) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.request = try? ModelRequest(json: body)
    }

    /// The body parsed as a JSON object, for asserting what was sent exactly (`null`s included);
    /// a body that is not one is a `ScoringError.Code.invalidModelRequest`.
    public func jsonObject() throws(ScoringError) -> [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            throw ScoringError(.invalidModelRequest, context: ["problem": "body not a JSON object"])
        }
        return object
    }
}
