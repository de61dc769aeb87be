/// Identifies an appeal against an arrears entry, chosen by the caller (the channel that took
/// it): submitting it again is a retry. Unique within its entry; up to 56 UTF-8 bytes, so the
/// id of the patient's notice of its decision fits an ``AdapterRequestID``.
public struct ArrearsAppealID: LedgerIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static var maximumLength: Int { 56 }
}
