import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTesting

/// Measures (a) enrollments through the whole saga — consent check, features, eligibility,
/// score, the bank's line, the line opened — in batches, against one enrollment at a time, and
/// (b) the review job over many lines in one run, against one line at a time; stores on SQLite,
/// the data source, the bank and the notices as in-memory fakes, in the same run.
struct EnrollmentBenchmark {
    var enrollments = 20_000
    var reviewLines = 1_000_000
    /// Requests per `enroll` call on the batched path.
    static let batchSize = 1_000
    var seed: UInt64 = 42

    struct Figures {
        var enrollmentsPerSecond: Double
        var naiveEnrollmentsPerSecond: Double
        var naiveEnrollments: Int
        var reviewSeconds: Double
        var reviewChanges: Int
        var naiveReviewLinesPerSecond: Double
        var naiveReviewLines: Int
        var ratio: Double { enrollmentsPerSecond / naiveEnrollmentsPerSecond }
    }

    private static let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)
    private static let document = ConsentDocument(id: "agreement", version: 1, title: BilingualText(chinese: "信用就医服务协议", english: "Credit care agreement"))
    /// Housing-fund months → 640 (no tier), 680 (C), 720 (B) or 760 (A).
    private static let card = Scorecard(id: "bench", version: "1", baseScore: 640, features: [
        Scorecard.Feature(name: "housing_fund_months", kind: .numeric, bins: [
            Scorecard.Bin(upTo: 12, points: 0), Scorecard.Bin(upTo: 36, points: 40), Scorecard.Bin(upTo: 60, points: 80), Scorecard.Bin(points: 120),
        ], missing: Scorecard.Bin(points: 0)),
    ])

    func run(makeDatabase: (String) throws -> SQLiteDatabase) async throws -> Figures {
        let naiveEnrollments = max(200, enrollments / 40)
        let naive = try await measureEnrollments(in: makeDatabase("naive-enrollment"), count: naiveEnrollments, batchSize: 1)
        let batched = try await measureEnrollments(in: makeDatabase("enrollment"), count: enrollments, batchSize: Self.batchSize)
        let naiveLines = max(500, min(reviewLines / 500, 2_000))
        let naiveReview = try await measureReview(in: makeDatabase("naive-review"), lines: naiveLines, batched: false)
        let review = try await measureReview(in: makeDatabase("review"), lines: reviewLines, batched: true)
        return Figures(enrollmentsPerSecond: Double(enrollments) / batched, naiveEnrollmentsPerSecond: Double(naiveEnrollments) / naive,
                       naiveEnrollments: naiveEnrollments, reviewSeconds: review.seconds, reviewChanges: review.changes,
                       naiveReviewLinesPerSecond: Double(naiveLines) / naiveReview.seconds, naiveReviewLines: naiveLines)
    }

    /// Seconds to enroll `count` patients, `batchSize` per call; every one must open.
    private func measureEnrollments(in database: SQLiteDatabase, count: Int, batchSize: Int) async throws -> Double {
        let clock = ManualClock(Self.start)
        let source = FakeCreditDataSource(featureNames: ["medical_insurance_region", "medical_insurance_status", "housing_fund_months"])
        let bank = FakeCreditProvider()
        let consents = ConsentBook(documents: [Self.document], store: InMemoryConsentStore(), authority: FakeAgentAuthority(), clock: clock)
        var generator = SplitMix64(seed: seed)
        let requests = try (0..<count).map { index -> EnrollmentRequest in
            let patient = "P\(index)"
            _ = try consents.sign("agreement", version: 1, patient: patient, channel: .miniProgram, signer: .patient, id: "sign-\(index)")
            source.set(["medical_insurance_region": .category("local"), "medical_insurance_status": .category("normal"),
                        "housing_fund_months": .number(Double(12 + generator.next() % 96))], for: patient)
            bank.grant(CreditLineID("L\(index)"), limit: Money(fen: 2_000_000 + Int64(generator.next() % 30) * 100_000))
            return EnrollmentRequest(id: "E\(index)", patient: patient, bank: "bank", line: CreditLineID("L\(index)"))
        }
        let scoring = CreditScoring(sources: [source], scorer: try ScorecardScorer(Self.card), records: database.scoreRecordStore, clock: clock)
        let enrollment = CreditEnrollment(
            configuration: .init(consentDocument: "agreement", eligibility: .xiamenStyle, limits: .xiamenStyle), consents: consents,
            scoring: scoring, banks: ["bank": bank], ledger: Ledger(store: database.ledgerStore, clock: clock), store: database.enrollmentStore)
        let started = ContinuousClock.now
        var opened = 0
        for first in stride(from: 0, to: count, by: batchSize) {
            for result in await enrollment.enroll(Array(requests[first..<min(first + batchSize, count)])) {
                if case .open = try result.get() { opened += 1 }
            }
        }
        let seconds = (ContinuousClock.now - started).seconds
        guard opened == count else { throw ToolError(.benchmarkFailed, context: ["phase": "enrollment"], details: "\(opened) of \(count) opened") }
        return seconds
    }

    /// Seconds for the review job over `lines` open lines with made-up repayment records, in one
    /// run or one run per line; how many lines it changed.
    private func measureReview(in database: SQLiteDatabase, lines: Int, batched: Bool) async throws -> (seconds: Double, changes: Int) {
        let clock = ManualClock(Self.start)
        let ledger = Ledger(store: database.ledgerStore, clock: clock)
        let limits = LimitPolicy.xiamenStyle
        try await ledger.openLines(lines, limit: Money(fen: 2_400_000))
        clock.advance(seconds: 400 * 86_400)
        var generator = SplitMix64(seed: seed)
        let subjects = (0..<lines).map { index in
            let draw = generator.next() % 100
            let record = switch draw {
            case 0..<15: RepaymentRecord(onTimeInTwelveMonths: 8)
            case 15..<25: RepaymentRecord(onTimeInTwelveMonths: 3, lastLate: .init(at: clock.now().adding(seconds: -86_400), daysLate: 5))
            case 25..<29: RepaymentRecord(onTimeInTwelveMonths: 1, lastLate: .init(at: clock.now().adding(seconds: -86_400), daysLate: 40))
            case 29..<30: RepaymentRecord(onTimeInTwelveMonths: 0, repairedAt: clock.now().adding(seconds: -86_400))
            default: RepaymentRecord(onTimeInTwelveMonths: Int(draw % 6))
            }
            return LimitReview.Subject(enrollment: "E\(index)", patient: "P\(index)", line: CreditLineID("L\(index)"), tier: "B",
                                       limit: Money(fen: 2_400_000), bankLimit: Money(fen: 3_000_000), tierSince: Self.start, repayment: record)
        }
        let review = LimitReview(policy: .suzhouStyle, limits: limits, ledger: ledger, store: database.enrollmentStore,
                                 notices: FakeNotificationSender())
        let started = ContinuousClock.now
        var changes = 0
        var failed = 0
        for chunk in batched ? [subjects[...]] : subjects.indices.map({ subjects[$0...$0] }) {
            let report = await review.run(Array(chunk))
            changes += report.changes.count
            failed += report.failed.count
        }
        let seconds = (ContinuousClock.now - started).seconds
        guard failed == 0, changes > 0 else { throw ToolError(.benchmarkFailed, context: ["phase": "review"], details: "\(failed) failed") }
        return (seconds, changes)
    }
}
