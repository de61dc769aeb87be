/// Where an arrears entry stands.
///
/// ```
/// listed ─► appealed ─► underReview ─► upheld ─► (appealed again …)
///                                   └► revoked            (lifted, final)
/// listed | appealed | underReview | upheld ─► removed     (after repayment + cooling, final)
/// ```
public enum ArrearsState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Listed: the line is frozen and the listing is pushed to the registry.
    case listed
    /// An appeal is submitted and waits for a reviewer; the entry still stands.
    case appealed
    /// A reviewer is looking at the appeal; the entry still stands.
    case underReview = "under_review"
    /// The appeal was turned down; the entry stands and may be appealed again.
    case upheld
    /// The appeal succeeded: the entry is lifted everywhere.
    case revoked
    /// Removed after full repayment and the cooling period; a credit repair is recorded.
    case removed

    /// Whether the entry stands: new credit is refused, the line stays frozen.
    public var isInForce: Bool {
        switch self {
        case .listed, .appealed, .underReview, .upheld: true
        case .revoked, .removed: false
        }
    }
}
