/// The id of one call to an outside party (insurer, bank). An adapter MUST answer a repeated
/// request id with the first answer and apply it once, so a call that timed out can be retried.
///
/// Request ids have up to 128 UTF-8 bytes and follow the ``InputRule``s; an adapter MUST accept
/// every valid one (one that passes ``isValid``), mapping it to the party's own format where
/// that is shorter. The ids the credit desk derives from an encounter number always fit.
public struct AdapterRequestID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static var maximumLength: Int { 128 }
}
