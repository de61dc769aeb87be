/// Identifies an entry of the arrears list (欠费名单 / 失信名单), chosen by the caller (the
/// collection ladder, an operator's tool): listing again under the same id is a retry. Unique in
/// a deployment; up to 56 UTF-8 bytes, so the request ids derived from it with an institution
/// fit an ``AdapterRequestID``.
public struct ArrearsEntryID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static var maximumLength: Int { 56 }
}
