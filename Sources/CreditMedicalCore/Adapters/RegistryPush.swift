/// An arrears entry as the public credit registry keeps it: who (by ``ArrearsSubject``, never by
/// a hospital's patient id or line), listed by which institution, for how much, why and under
/// which rule, since when.
public struct RegistryListing: Sendable, Hashable, Codable {
    /// The entry's id at its institution; with ``institution`` it names the listing.
    public let entry: ArrearsEntryID
    public let institution: InstitutionID
    public let subject: ArrearsSubject
    public let amount: Money
    public let reason: BilingualText
    public let rule: String
    public let listedAt: Timestamp

    public init(entry: ArrearsEntryID, institution: InstitutionID, subject: ArrearsSubject, amount: Money, reason: BilingualText, rule: String,
                listedAt: Timestamp) {
        self.entry = entry
        self.institution = institution
        self.subject = subject
        self.amount = amount
        self.reason = reason
        self.rule = rule
        self.listedAt = listedAt
    }
}

/// The end of a listing: revoked on appeal, or removed after full repayment and the cooling
/// period. The registry stops showing the listing for good.
public struct RegistryLifting: Sendable, Hashable, Codable {
    /// Why a listing ends.
    public enum Cause: String, Sendable, Hashable, Codable, CaseIterable {
        /// An appeal was upheld against the listing: it should not have been made.
        case revoked
        /// The patient repaid in full and the cooling period passed (信用修复).
        case removed
    }

    /// The listing that ends, named by its entry and institution.
    public let entry: ArrearsEntryID
    public let institution: InstitutionID
    public let subject: ArrearsSubject
    public let cause: Cause
    public let at: Timestamp

    public init(entry: ArrearsEntryID, institution: InstitutionID, subject: ArrearsSubject, cause: Cause, at: Timestamp) {
        self.entry = entry
        self.institution = institution
        self.subject = subject
        self.cause = cause
        self.at = at
    }
}

/// One change the SDK sends to the ``PublicCreditRegistry``: a listing or a lifting, under a
/// request id the registry applies at most once.
public struct RegistryPush: Sendable, Hashable, Codable {
    /// What changes.
    public enum Change: Sendable, Hashable, Codable {
        case listing(RegistryListing)
        case lifting(RegistryLifting)
    }

    /// `INSTITUTION/ENTRY/list` or `INSTITUTION/ENTRY/lift`: unique in the region, and the same
    /// when the push is sent again.
    public let id: AdapterRequestID
    public let change: Change

    public init(id: AdapterRequestID, change: Change) {
        self.id = id
        self.change = change
    }

    /// The push that lists `listing`.
    public static func listing(_ listing: RegistryListing) -> RegistryPush {
        RegistryPush(id: AdapterRequestID("\(key(listing.institution, listing.entry))/list"), change: .listing(listing))
    }

    /// The push that lifts `lifting`'s listing.
    public static func lifting(_ lifting: RegistryLifting) -> RegistryPush {
        RegistryPush(id: AdapterRequestID("\(key(lifting.institution, lifting.entry))/lift"), change: .lifting(lifting))
    }

    /// The listing the push is about, `INSTITUTION/ENTRY`.
    public var listingKey: String {
        switch change {
        case .listing(let listing): Self.key(listing.institution, listing.entry)
        case .lifting(let lifting): Self.key(lifting.institution, lifting.entry)
        }
    }

    /// The name of a listing in the region: its institution and entry, `INSTITUTION/ENTRY`.
    static func key(_ institution: InstitutionID, _ entry: ArrearsEntryID) -> String {
        "\(institution.rawValue)/\(entry.rawValue)"
    }
}
