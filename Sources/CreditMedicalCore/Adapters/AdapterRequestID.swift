/// The id of one call to an outside party (insurer, bank). An adapter MUST answer a repeated
/// request id with the first answer and apply it once, so a call that timed out can be retried.
public struct AdapterRequestID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
