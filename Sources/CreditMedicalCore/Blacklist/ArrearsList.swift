/// The arrears list (欠费名单 / 失信名单) of a deployment: lists patients, freezes their lines,
/// takes appeals through review to a decision, removes entries after full repayment and a
/// cooling period, pushes every listing and lifting to the ``PublicCreditRegistry``, and tells
/// where a patient stands here and in the registry.
///
/// While an entry stands its line is frozen in the ledger (under the key `arrears/ENTRY/freeze`),
/// so no channel places new holds on it; emergency care still locks (``LockRule/emergency``), and
/// a suspension stays as it was. A revocation or removal lifts the freeze (`arrears/ENTRY/unfreeze`)
/// unless another entry on the line still stands, and lifts the listing in the registry.
///
/// Every step is recorded in the ``ArrearsStore`` before its effects, with its registry push in
/// the same write (an outbox), so a call that failed half-way is finished by making it again:
/// the recorded step answers as a replay, and the ledger, the registry and the patient's notice
/// (kind ``PatientNotificationKind/arrears``, its id derived from the entry) apply their parts
/// once.
/// A request that the entry's state does not allow, or that names an entry or appeal that does
/// not exist, is a typed ``ArrearsError`` and changes nothing.
public struct ArrearsList: Sendable {
    /// The program's rules.
    public struct Configuration: Sendable, Hashable {
        /// How many days must pass after the line is repaid in full before its entry may be
        /// removed (zero or more).
        public var coolingDays: Int

        public init(coolingDays: Int) {
            self.coolingDays = max(coolingDays, 0)
        }
    }

    public let configuration: Configuration
    public let ledger: Ledger
    public let store: any ArrearsStore
    public let registry: any PublicCreditRegistry
    /// Where the patient is told of a listing, an appeal's decision and a removal; `nil` to tell
    /// nobody.
    public let notices: (any NotificationSender)?

    /// Time comes from the ledger's clock.
    public init(configuration: Configuration, ledger: Ledger, store: any ArrearsStore, registry: any PublicCreditRegistry,
                notices: (any NotificationSender)? = nil) {
        self.configuration = configuration
        self.ledger = ledger
        self.store = store
        self.registry = registry
        self.notices = notices
    }

    var now: Timestamp { ledger.clock.now() }

    /// Lists a patient, freezes the line, queues the listing for the registry and tells the
    /// patient why, how much, and how to get off the list; returns the entry. Listing again under
    /// the same entry id with the same details returns the entry (and finishes a call that failed
    /// after recording it); with other details it is `blacklist.request_conflict`. A line the
    /// ledger does not have is `blacklist.line_not_found`.
    @discardableResult
    public func list(_ listing: ArrearsListing) async throws -> ArrearsEntry {
        try listing.validate()
        var recorded = try entry(listing.entry)
        if recorded == nil {
            guard try ledger.line(listing.line) != nil else {
                throw ArrearsError(.lineNotFound, context: ["line": listing.line.rawValue], details: "entry \(listing.entry)")
            }
            let listedAt = now
            try store.append([ArrearsEvent(entry: listing.entry, at: listedAt, change: .listed(listing))],
                             pushes: [.listing(listing.registryListing(at: listedAt))])
            recorded = try entry(listing.entry)
        }
        guard let entry = recorded, entry.listing == listing else {
            throw ArrearsError(.requestConflict, context: ["field": "entry"], details: "entry \(listing.entry)")
        }
        try await freeze(entry)
        try await notices?.send(ArrearsNotices.listed(entry, coolingDays: configuration.coolingDays))
        return entry
    }

    /// Records an appeal against a standing entry (listed, or upheld on an earlier appeal).
    /// The entry keeps standing until a reviewer revokes it.
    @discardableResult
    public func appeal(_ appeal: ArrearsAppeal, against entry: ArrearsEntryID) throws -> ArrearsEntry {
        try appeal.validate()
        return try record(.appealed(appeal), on: entry)
    }

    /// Records that `reviewer` took up `appeal`, the entry's latest, which was submitted and
    /// not yet reviewed.
    @discardableResult
    public func startReview(of appeal: ArrearsAppealID, on entry: ArrearsEntryID, reviewer: String) throws -> ArrearsEntry {
        try ArrearsInput.check(appeal, "appeal")
        try ArrearsInput.check(reviewer, "reviewer")
        return try record(.reviewStarted(appeal: appeal, reviewer: reviewer), on: entry)
    }

    /// Records the reviewer's decision on the appeal under review and tells the patient. A
    /// revocation lifts the freeze (unless another entry on the line stands) and queues the
    /// lifting for the registry.
    @discardableResult
    public func decide(_ decision: ArrearsDecision, on entry: ArrearsEntryID) async throws -> ArrearsEntry {
        try decision.validate()
        let decided = try record(.decided(decision), on: entry)
        try await release(decided)
        try await notices?.send(ArrearsNotices.decided(decided, decision))
        return decided
    }

    /// The entry with this id, as its steps add up; `nil` when there is none.
    public func entry(_ id: ArrearsEntryID) throws -> ArrearsEntry? {
        try ArrearsInput.check(id, "entry")
        return ArrearsEntry(events: try store.events(of: id))
    }

    /// Every entry of `patient` (the HIS's id), standing or not, in the order listed.
    public func entries(of patient: String) throws -> [ArrearsEntry] {
        try ArrearsInput.check(patient, "patient")
        return try store.entries(ofPatient: patient).compactMap(entry)
    }

    /// Records `change` on entry `id` once its state allows it, with the push that lifts the
    /// listing when the change ends the entry, and returns the entry as recorded. A step of that
    /// name recorded before answers the entry when it is the same request, and is
    /// `blacklist.request_conflict` when it is not, also when another process recorded a step
    /// that took effect first.
    func record(_ change: ArrearsEvent.Change, on id: ArrearsEntryID) throws -> ArrearsEntry {
        try ArrearsInput.check(id, "entry")
        guard var entry = try entry(id) else { throw ArrearsError(.entryNotFound, details: "entry \(id)") }
        if entry.event(named: change.name) == nil {
            let event = ArrearsEvent(entry: id, at: now, change: change)
            try entry.apply(event)
            try store.append([event], pushes: entry.liftingPush.map { [$0] } ?? [])
            entry = try self.entry(id) ?? entry
        }
        guard let recorded = entry.event(named: change.name), recorded.change.repeats(change) else {
            throw ArrearsError(.requestConflict, context: ["field": change.name.split(separator: "/").first.map(String.init) ?? ""],
                               details: "entry \(id), step \(change.name)")
        }
        return entry
    }

    /// Freezes the line of a standing entry; a line frozen already (by another entry) or closed
    /// is left as it is.
    func freeze(_ entry: ArrearsEntry) async throws {
        guard entry.isInForce else { return }
        let request = LedgerRequest(key: ArrearsKeys.freeze(entry.id), command: .freezeLine(entry.listing.line))
        if case .failure(let error) = try await ledger.submit([request])[0], error.code != .lineFrozen, error.code != .lineClosed {
            throw error
        }
    }

    /// Lifts the freeze of an entry that no longer stands, unless another entry on its line
    /// stands; a line not frozen (any more) or closed is left as it is.
    func release(_ entry: ArrearsEntry) async throws {
        guard !entry.isInForce else { return }
        for other in try store.entries(onLine: entry.listing.line) where other != entry.id {
            if try self.entry(other)?.isInForce == true { return }
        }
        let request = LedgerRequest(key: ArrearsKeys.unfreeze(entry.id), command: .unfreezeLine(entry.listing.line))
        if case .failure(let error) = try await ledger.submit([request])[0], error.code != .lineNotFrozen, error.code != .lineClosed {
            throw error
        }
    }
}
