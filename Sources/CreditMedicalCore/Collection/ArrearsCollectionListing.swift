/// Puts patients on the ``ArrearsList`` when a collection ladder's ``CollectionAction/arrearsList``
/// step comes: one entry per receivable, for what it owes, under the step's name as the rule.
public struct ArrearsCollectionListing: CollectionListing {
    public let arrears: ArrearsList
    /// Answers the subject the region knows a patient by; a patient it cannot name is listed
    /// under a subject of this institution's own, seen here only.
    public let subjects: any ArrearsSubjectDirectory
    /// The institution the entries name as owed.
    public let institution: InstitutionID

    public init(arrears: ArrearsList, subjects: any ArrearsSubjectDirectory, institution: InstitutionID = .unnamed) {
        self.arrears = arrears
        self.subjects = subjects
        self.institution = institution
    }

    public func list(_ receivable: Receivable, holder: String?, rule: String, id: String, at time: Timestamp) async throws {
        let patient = holder ?? receivable.line.rawValue
        let subject = try subjects.subject(of: patient) ?? ArrearsSubject("local/\(institution.rawValue)/\(patient)")
        let days = receivable.daysPastDue(at: time)
        try await arrears.list(ArrearsListing(
            entry: Self.entry(for: id), patient: patient, subject: subject, line: receivable.line, institution: institution,
            amount: receivable.owed, reason: BilingualText(chinese: "信用就医欠款逾期\(days)天未还", english: "credit care repayment \(days) days overdue"),
            rule: rule))
    }

    public func isListed(_ line: CreditLineID) async throws -> Bool {
        try arrears.store.entries(onLine: line).contains { try arrears.entry($0)?.isInForce == true }
    }

    /// The entry id of the step `id` (`collection/HOLD/STEP`, up to 134 bytes): `collection-` and
    /// its 64-bit FNV-1a hash in hex, which fits an ``ArrearsEntryID``. The same step gives the
    /// same entry, so listing again is a retry.
    static func entry(for id: String) -> ArrearsEntryID {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return ArrearsEntryID("collection-" + String(repeating: "0", count: 16 - hex.count) + hex)
    }
}
