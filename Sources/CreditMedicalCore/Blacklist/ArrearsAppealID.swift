/// Identifies an appeal against an arrears entry, chosen by the caller (the channel that took
/// it): submitting it again is a retry. Unique within its entry; up to 64 UTF-8 bytes.
public struct ArrearsAppealID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
