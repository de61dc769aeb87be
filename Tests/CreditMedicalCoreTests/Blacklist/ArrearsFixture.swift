import CreditMedicalCore
import CreditMedicalTesting

/// One deployment's arrears list in memory: a ledger on a manual clock, an arrears store, and a
/// registry that may be shared with another fixture (another hospital or city).
struct ArrearsFixture {
    static let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)
    static let reason = BilingualText(chinese: "逾期90天未还款", english: "90 days overdue")
    static let day: Int64 = 86_400

    let clock: ManualClock
    let ledger: Ledger
    let store = InMemoryArrearsStore()
    let registry: FakePublicCreditRegistry
    let notices = FakeNotificationSender()
    let list: ArrearsList
    let institution: InstitutionID

    init(institution: InstitutionID = "hospital-a", coolingDays: Int = 30, registry: FakePublicCreditRegistry = FakePublicCreditRegistry(),
         clock: ManualClock = ManualClock(ArrearsFixture.start), ledger: Ledger? = nil) {
        self.clock = clock
        self.ledger = ledger ?? Ledger(store: InMemoryLedgerStore(), clock: clock)
        self.registry = registry
        self.institution = institution
        list = ArrearsList(configuration: .init(coolingDays: coolingDays), ledger: self.ledger, store: store, registry: registry,
                           notices: notices)
    }

    /// A listing of `patient` (subject `S-PATIENT`) on `line` at this fixture's institution.
    func listing(_ entry: ArrearsEntryID, patient: String = "P-1", line: CreditLineID = "L-1", amount: Int64 = 30_000) -> ArrearsListing {
        ArrearsListing(entry: entry, patient: patient, subject: ArrearsSubject("S-\(patient)"), line: line, institution: institution,
                       amount: Money(fen: amount), reason: Self.reason, rule: "overdue_90_days")
    }

    /// Opens `line` with a limit of ¥1,000 and, with `owing`, settles a visit of that many fen on
    /// it, so the line owes them.
    func openLine(_ line: CreditLineID = "L-1", owing: Int64 = 0) async throws {
        try await ledger.execute(.openLine(line, limit: Money(fen: 100_000)), key: IdempotencyKey("open/\(line)"))
        guard owing > 0 else { return }
        let hold = HoldID("visit/\(line)")
        try await ledger.execute(.placeHold(hold, line: line, amount: Money(fen: owing), expiresAt: nil), key: IdempotencyKey("hold/\(line)"))
        try await ledger.execute(.captureHold(hold, amount: Money(fen: owing)), key: IdempotencyKey("capture/\(line)"))
    }

    /// Repays `fen` on `line`.
    func repay(_ fen: Int64, on line: CreditLineID = "L-1", key: IdempotencyKey) async throws {
        try await ledger.execute(.repay(line, amount: Money(fen: fen)), key: key)
    }

    /// The line's status flags.
    func status(_ line: CreditLineID = "L-1") throws -> CreditLineStatus? { try ledger.line(line)?.status }

    /// Everything the store holds, to show that a refused request changed nothing.
    func snapshot() throws -> (events: [ArrearsEvent], pushes: [RegistryOutboxItem], journal: Int) {
        (try store.page(after: 0, limit: 10_000).records, try store.pendingPushes(limit: 10_000),
         try ledger.store.journal(line: nil, after: 0, limit: 10_000).count)
    }
}
