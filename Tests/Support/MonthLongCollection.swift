import CreditMedicalCore
public import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

/// Eight months of a credit program on the manual clock, on any store: visits settled at the
/// desk become receivables; an on-time payer is raised a tier; a late payer is reminded, then
/// restricted, repays, is lifted and lowered a tier; a defaulter is listed, refused credit (but
/// not emergency care), appeals in vain, repays, waits out the cooling period, is removed and
/// put on probation; a patient listed by mistake has the listing revoked on appeal; and a visit
/// reversed after the bank advanced it is netted with the bank. After every step the ledger's
/// audit is clean and the receivables add up to what each line owes.
public struct MonthLongCollection {
    static let start = Timestamp(millisecondsSince1970: 1_798_761_600_000)  // 2027-01-01
    static let document = ConsentDocument(id: "agreement", version: 1, title: BilingualText(chinese: "信用就医服务协议", english: "Credit care agreement"))
    /// Everyone scores 720: tier B, 80 % of the bank's ¥10,000 line.
    static let card = Scorecard(id: "flat", version: "1", baseScore: 720, features: [
        Scorecard.Feature(name: "housing_fund_months", kind: .numeric, bins: [Scorecard.Bin(points: 0)], missing: Scorecard.Bin(points: 0)),
    ])
    /// Reminders, a text on day 1, an app message on day 5, suspension on day 10 and the arrears
    /// list on day 90.
    static let ladder = CollectionLadder(id: "scenario", version: "1", steps: [
        CollectionStep(name: "remind-0", day: 0, action: .reminder),
        CollectionStep(name: "sms-1", day: 1, action: .sms),
        CollectionStep(name: "app-5", day: 5, action: .appMessage),
        CollectionStep(name: "suspend-10", day: 10, action: .suspend),
        CollectionStep(name: "list-90", day: 90, action: .arrearsList),
    ])

    let clock = ManualClock(MonthLongCollection.start)
    let ledgerStore: any LedgerStore
    let ledger: Ledger
    let parties = FakeParties()
    let registry = FakePublicCreditRegistry()
    let subjects = FakeArrearsSubjectDirectory()
    let arrears: ArrearsList
    let enrollment: CreditEnrollment
    let desk: CreditDesk
    let book: ReceivableBook
    let job: OverdueJob
    let review: LimitReview
    let enrollmentStore: any EnrollmentStore

    init(database: some CreditDatabase) throws {
        ledgerStore = database.ledgerStore
        ledger = Ledger(store: database.ledgerStore, clock: clock)
        enrollmentStore = database.enrollmentStore
        arrears = ArrearsList(configuration: .init(coolingDays: 30), ledger: ledger, store: database.arrearsStore, registry: registry,
                              notices: parties.notifications)
        let scoring = CreditScoring(sources: [], scorer: try ScorecardScorer(Self.card), records: database.scoreRecordStore, clock: clock)
        let consents = ConsentBook(documents: [Self.document], store: database.consentStore, authority: FakeAgentAuthority(), clock: clock)
        let screening = ArrearsScreening(list: arrears, subjects: subjects)
        enrollment = CreditEnrollment(
            configuration: .init(consentDocument: Self.document.id, eligibility: EligibilityPolicy(id: "open", version: "1", rules: []),
                                 limits: .xiamenStyle, arrears: screening),
            consents: consents, scoring: scoring, banks: ["bank": parties.bank], ledger: ledger, store: database.enrollmentStore)
        desk = parties.desk(ledger: ledger, store: database.encounterStore, configuration: .init(arrears: screening))
        book = ReceivableBook(ledger: ledger, store: database.receivableStore, directory: enrollment, ladder: Self.ladder)
        job = OverdueJob(book: book, ladder: Self.ladder, notices: parties.notifications,
                         listing: ArrearsCollectionListing(arrears: arrears, subjects: subjects))
        review = LimitReview(policy: .suzhouStyle, limits: .xiamenStyle, ledger: ledger, store: database.enrollmentStore, notices: parties.notifications)
        for patient in ["O", "L", "D", "E"] {
            subjects.register(patient, as: ArrearsSubject("subject-\(patient)"))
            _ = try consents.sign(Self.document.id, version: 1, patient: patient, channel: .app, signer: .patient, id: "sign-\(patient)")
            parties.bank.grant(Self.line(patient), limit: Money(fen: 1_000_000))
        }
    }

    static func line(_ patient: String) -> CreditLineID { CreditLineID("line-\(patient)") }

    /// Runs the eight months on `database` (empty), failing the test where a step goes wrong.
    public static func run(on database: some CreditDatabase) async throws {
        try await MonthLongCollection(database: database).run()
    }

    func run() async throws {
        for patient in ["O", "L", "D", "E"] {
            let status = try await enrollment.enroll(EnrollmentRequest(id: "enroll-\(patient)", patient: patient, bank: "bank", line: Self.line(patient)))
            guard case .open(let grant) = status else { return XCTFail("\(patient) not enrolled: \(status)") }
            XCTAssertEqual(grant.tier, "B")
        }
        for (patient, fen) in [("O", Int64(20_000)), ("L", 30_000), ("D", 50_000)] { try await visit(patient, EncounterID("V-\(patient)-0"), fen: fen) }
        try await check("day 0")
        try await onTimePayer(day: 20)

        // The late payer: due on day 30, grace to day 33; a text on day 34, suspended on day 40
        // (10 days past due), repays on day 45 and is lifted.
        try await onTimePayer(day: 30)
        try await day(34)
        XCTAssertTrue(kinds("L").contains(.overdueText), "L got the text on day 34: \(kinds("L"))")
        try await day(40)
        XCTAssertTrue(try isSuspended("L"), "L is restricted at 10 days past due")
        XCTAssertTrue(kinds("L").contains(.creditRestricted))
        do {
            try await desk.open("V-L-1", kind: .outpatient, patient: patient("L"), department: "内科")
            XCTFail("a suspended line opened a credit visit")
        } catch LedgerError.Code.lineSuspended {}
        try await emergency("L", "E-L-1")
        try await day(45)
        try await repayAll("L", channel: .hospitalWindow)
        try await day(46)
        XCTAssertFalse(try isSuspended("L"), "lifted after repayment")
        XCTAssertEqual(kinds("L").last, .restrictionLifted)

        // A patient listed by mistake appeals; the listing is revoked here and in the registry.
        try await onTimePayer(day: 50)
        try await arrears.list(ArrearsListing(entry: "manual-E", patient: "E", subject: "subject-E", line: Self.line("E"), amount: Money(fen: 1),
                                              reason: BilingualText(chinese: "误报", english: "listed in error"), rule: "operator"))
        _ = try await arrears.pushPending()
        try await expectListings("subject-E", 1)
        try arrears.appeal(ArrearsAppeal(id: "appeal-E", submittedBy: "E", statement: "I owe nothing"), against: "manual-E")
        try arrears.startReview(of: "appeal-E", on: "manual-E", reviewer: "reviewer-1")
        try await arrears.decide(ArrearsDecision(appeal: "appeal-E", reviewer: "reviewer-1", outcome: .revoked,
                                                 reason: BilingualText(chinese: "无欠款", english: "nothing owed")), on: "manual-E")
        _ = try await arrears.pushPending()
        try await expectListings("subject-E", 0, "revoked everywhere it was pushed")
        XCTAssertEqual(try ledger.line(Self.line("E"))?.status, [])
        try await check("E revoked")

        for day in [60, 80, 90, 110] { try await onTimePayer(day: day) }

        // The defaulter: listed at 90 days past due (day 120), refused credit but not emergency
        // care; the appeal is upheld.
        try await onTimePayer(day: 120)
        let entries = try arrears.entries(of: "D")
        XCTAssertEqual(entries.count, 1, "D is on the arrears list")
        let entry = try XCTUnwrap(entries.first)
        XCTAssertEqual(entry.listing.amount, Money(fen: 50_000))
        XCTAssertEqual(entry.listing.rule, "list-90")
        try await expectListings("subject-D", 1, "pushed to the city's platform")
        do {
            try await desk.open("V-D-1", kind: .outpatient, patient: patient("D"), department: "内科")
            XCTFail("a listed patient opened a credit visit")
        } catch BillingError.Code.patientListed {}
        try await emergency("D", "E-D-1")
        try arrears.appeal(ArrearsAppeal(id: "appeal-D", submittedBy: "D", statement: "please"), against: entry.id)
        try arrears.startReview(of: "appeal-D", on: entry.id, reviewer: "reviewer-1")
        try await arrears.decide(ArrearsDecision(appeal: "appeal-D", reviewer: "reviewer-1", outcome: .upheld,
                                                 reason: BilingualText(chinese: "欠款属实", english: "the debt is real")), on: entry.id)
        try await check("D upheld")

        // D repays everything; removal waits for the cooling period.
        try await day(130)
        try await repayAll("D", channel: .internetHospital)
        do {
            _ = try await arrears.remove(entry.id)
            XCTFail("removed before the cooling period")
        } catch ArrearsError.Code.coolingPeriod {}
        for day in [140, 150] { try await onTimePayer(day: day) }

        // A visit of O's reversed after the bank paid its advance: the bank nets it.
        try await day(160)
        try await visit("O", "V-O-X", fen: 7_000)
        parties.bank.payAdvances(at: clock.now())
        _ = try await desk.refreshAdvances()
        try await day(161)
        _ = try await desk.reverseSettlement("V-O-X")
        XCTAssertEqual(parties.bank.reversalNotices(for: "V-O-X").map(\.amount), [Money(fen: 7_000)])
        XCTAssertEqual(parties.bank.reversalNotices(for: "V-O-X").map(\.advancePaid), [true])
        XCTAssertEqual(try book.statement(of: Self.line("O")).last?.owed, .zero)
        _ = try await arrears.remove(entry.id)
        _ = try await arrears.pushPending()
        try await expectListings("subject-D", 0, "removed everywhere it was pushed")
        XCTAssertEqual(try ledger.line(Self.line("D"))?.status, [], "unfrozen")
        try await check("D removed")
        try await onTimePayer(day: 170)

        // Day 181: the review. O repaid six times on time: raised to A. L paid 15 days late:
        // lowered to C. D's line was repaired: probation at 30 % of the bank's line.
        try await day(181)
        var subjects: [LimitReview.Subject] = []
        for patient in ["O", "L", "D"] {
            let line = Self.line(patient)
            let record = try arrears.repaymentRecord(try book.repaymentRecord(of: line, at: clock.now()), of: line)
            subjects.append(try XCTUnwrap(LimitReview.Subject(steps: enrollmentStore.steps(of: "enroll-\(patient)"), repayment: record)))
        }
        let report = await review.run(subjects)
        XCTAssertEqual(report.failed, [:])
        XCTAssertEqual(report.changes["enroll-O"]?.tier, "A")
        XCTAssertEqual(report.changes["enroll-L"]?.tier, "C")
        XCTAssertEqual(report.changes["enroll-D"]?.tier, ReviewPolicy.probationTier)
        XCTAssertEqual(try ledger.line(Self.line("O"))?.limit, Money(fen: 1_000_000))
        XCTAssertEqual(try ledger.line(Self.line("L"))?.limit, Money(fen: 500_000))
        XCTAssertEqual(try ledger.line(Self.line("D"))?.limit, Money(fen: 300_000))
        try await check("reviewed")
    }

    /// The on-time payer's day: a visit every 30 days from day 30 to day 150, each repaid 20 days
    /// after it (day 20, 50, …, 170) through the bank's app.
    func onTimePayer(day: Int) async throws {
        try await self.day(day)
        if day % 30 == 20 {
            _ = try await book.repay(RepaymentRequest(reference: "O-\(day)", line: Self.line("O"), amount: Money(fen: 20_000), channel: .bankApp))
        } else {
            try await visit("O", EncounterID("V-O-\(day)"), fen: 20_000)
        }
        try await check("O on day \(day)")
    }

    /// Fails unless the registry has `count` listings of `subject`.
    func expectListings(_ subject: ArrearsSubject, _ count: Int, _ message: String = "") async throws {
        let listings = try await registry.listings(of: subject)
        XCTAssertEqual(listings.count, count, message)
    }

    func repayAll(_ patient: String, channel: RepaymentChannel) async throws {
        let owed = try XCTUnwrap(ledger.line(Self.line(patient))).outstanding
        _ = try await book.repay(RepaymentRequest(reference: "\(patient)-all", line: Self.line(patient), amount: owed, channel: channel))
    }

    /// Moves the clock to `day` days after the start and runs the jobs a host runs daily.
    func day(_ day: Int) async throws {
        clock.set(Self.start.adding(seconds: Int64(day) * 86_400))
        let report = try await job.run()
        XCTAssertEqual(report.failed, [:], "overdue job on day \(day)")
        _ = try await arrears.pushPending()
        try await check("day \(day)")
    }

    func visit(_ patient: String, _ id: EncounterID, fen: Int64) async throws {
        try await desk.open(id, kind: .outpatient, patient: self.patient(patient), department: "内科")
        try await desk.charge([item(id.rawValue, fen)], to: id)
        _ = try await desk.checkout(id)
    }

    /// An emergency visit of ¥10 locks credit whatever the line's collection state.
    func emergency(_ patient: String, _ id: EncounterID) async throws {
        try await desk.open(id, kind: .emergency, patient: self.patient(patient), department: "急诊")
        let outcome = try await desk.charge([item(id.rawValue, 1_000)], to: id)
        XCTAssertEqual(outcome.lockedChange, Money(fen: 1_000), "emergency care of \(patient) is never refused")
        _ = try await desk.checkout(id)
    }

    func patient(_ id: String) -> Patient { Patient(id: id, line: Self.line(id)) }

    func item(_ id: String, _ fen: Int64) throws -> ChargeItem {
        try ChargeItem(id: ChargeItemID("\(id)-1"), code: "X", name: "检查", category: .examination, insuranceClass: .c,
                       quantity: Quantity(units: 1), unitPrice: Money(fen: fen), time: clock.now())
    }

    func kinds(_ patient: String) -> [PatientNotificationKind] { parties.notifications.delivered(to: patient).map(\.kind) }

    func isSuspended(_ patient: String) throws -> Bool { try ledger.line(Self.line(patient))?.status.contains(.suspended) ?? false }

    /// The ledger's audit is clean and the receivables add up to what each line owes.
    func check(_ step: String) async throws {
        let audit = try LedgerAuditor(store: ledgerStore).audit()
        XCTAssertTrue(audit.isClean, "\(step): \(audit.violations)")
        XCTAssertEqual(try book.linesOutOfStep(), [], step)
    }
}
