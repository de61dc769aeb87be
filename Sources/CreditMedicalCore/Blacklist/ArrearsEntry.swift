/// An entry of the arrears list (欠费名单 / 失信名单) as its recorded steps add up: who, why, how
/// much, since when and under which rule (``listing``), where it stands (``state``), its
/// appeals, the credit repair of its removal, and every step (``history``).
public struct ArrearsEntry: Sendable, Hashable {
    /// What listed the patient.
    public let listing: ArrearsListing
    /// When the patient was listed.
    public let listedAt: Timestamp
    public private(set) var state: ArrearsState = .listed
    /// Every appeal, in the order submitted.
    public private(set) var appeals: [ArrearsAppealRecord] = []
    /// The credit repair recorded by the removal, and when it was removed.
    public private(set) var repair: CreditRepair?
    public private(set) var removedAt: Timestamp?
    /// The steps that made the entry what it is, in order, with who and why.
    public private(set) var history: [ArrearsEvent]

    public var id: ArrearsEntryID { listing.entry }
    /// Whether the entry stands (see ``ArrearsState/isInForce``).
    public var isInForce: Bool { state.isInForce }

    /// The entry `events` (one entry's, in the order recorded) add up to; `nil` when they do not
    /// begin with its listing. A step its state did not allow when it came (two processes that
    /// decided at once) is left out: the first one counts.
    public init?(events: [ArrearsEvent]) {
        guard let first = events.first, case .listed(let listing) = first.change else { return nil }
        self.listing = listing
        self.listedAt = first.at
        self.history = [first]
        for event in events.dropFirst() { try? apply(event) }
    }

    /// Applies one more step, or throws and changes nothing: `blacklist.appeal_not_found` for a
    /// step about an appeal the entry does not have, `blacklist.invalid_transition` for one its
    /// state does not allow.
    mutating func apply(_ event: ArrearsEvent) throws(ArrearsError) {
        switch event.change {
        case .listed:
            throw transitionError("listed")
        case .appealed(let appeal):
            guard state == .listed || state == .upheld else { throw transitionError("appeal") }
            appeals.append(ArrearsAppealRecord(appeal: appeal, submittedAt: event.at, state: .submitted))
            state = .appealed
        case .reviewStarted(let appeal, let reviewer):
            let index = try openAppeal(appeal, expecting: .appealed, step: "review")
            appeals[index].state = .underReview
            appeals[index].reviewer = reviewer
            state = .underReview
        case .decided(let decision):
            let index = try openAppeal(decision.appeal, expecting: .underReview, step: "decide")
            appeals[index].decision = decision
            appeals[index].decidedAt = event.at
            switch decision.outcome {
            case .upheld: (appeals[index].state, state) = (.upheld, .upheld)
            case .revoked: (appeals[index].state, state) = (.revoked, .revoked)
            }
        case .removed(let repair):
            guard state.isInForce else { throw transitionError("remove") }
            (self.repair, removedAt, state) = (repair, event.at, .removed)
        }
        history.append(event)
    }

    /// The listing as the registry keeps it.
    public var registryListing: RegistryListing { listing.registryListing(at: listedAt) }

    /// The push that lifts the listing in the registry, once the entry is revoked or removed;
    /// `nil` while it stands.
    var liftingPush: RegistryPush? {
        let cause: RegistryLifting.Cause
        switch state {
        case .revoked: cause = .revoked
        case .removed: cause = .removed
        case .listed, .appealed, .underReview, .upheld: return nil
        }
        return .lifting(RegistryLifting(entry: id, institution: listing.institution, subject: listing.subject, cause: cause,
                                        at: history.last?.at ?? listedAt))
    }

    /// The recorded step named `name`, if any.
    func event(named name: String) -> ArrearsEvent? {
        history.first { $0.change.name == name }
    }

    /// The position of `appeal`, which must be the entry's latest appeal with the entry in
    /// `state`.
    private func openAppeal(_ appeal: ArrearsAppealID, expecting expected: ArrearsState, step: String) throws(ArrearsError) -> Int {
        guard let index = appeals.lastIndex(where: { $0.appeal.id == appeal }) else {
            throw ArrearsError(.appealNotFound, details: "appeal \(appeal) of entry \(id)")
        }
        guard state == expected, index == appeals.count - 1 else { throw transitionError(step) }
        return index
    }

    private func transitionError(_ step: String) -> ArrearsError {
        ArrearsError(.invalidTransition, context: ["state": state.rawValue, "step": step], details: "entry \(id)")
    }
}
