public import CreditMedicalCore
public import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

/// The crash-safety suite of a credit desk over a database that keeps both the ledger and the
/// desk's paperwork (a `CreditDatabase`, as the SQLite and PostgreSQL ones are), talking to the
/// four outside parties. A checkout that dies between any two of its steps (every
/// `CheckoutCrashPoint`), with the database closed and opened again as a new process would, ends in exactly one settlement: 医保
/// settled once, 商保 paid once, one capture on the line, one capture notice and one advance
/// booked by the bank, one fee notice delivered, a clean audit; nothing lost. A reversal
/// interrupted half-way (医保 unreachable) completes once, gives back what the settlement took
/// (the same bill then settles the same way again), and the encounter settles again.
///
/// Subclass it, override ``makeDatabase()`` and ``reopen(_:)``, and declare one test that calls
/// `runAll()` and compares the count with ``allScenarios``. The parties are the built-in fakes
/// unless you override their factories (``makeMedicalInsurance()``,
/// ``makeCommercialInsurance()``, ``makeCreditProvider()``, ``makeNotificationSender()``); then
/// also override the observations the scenarios check, which look into each party's test
/// system: ``settlements(for:from:)``, ``payments(for:from:)``, ``captureNotices(for:from:)``,
/// ``advances(for:from:)`` and ``deliveries(of:from:)``, as in the adapters' own suites. The
/// default observations read the fakes and throw for any other adapter, so an adapter without
/// its observation fails the suite. The test data must suit the parties' test systems:
/// ``insuredPerson`` with a personal-account balance, ``commercialPolicy`` a policy that pays,
/// ``grantedLine`` a line the bank granted, ``patient`` a patient the channel reaches.
///
/// Every checkout uses an encounter number unique to the run, and is reversed once checked, so
/// the suite can run again and again against the same test systems.
open class CheckoutRecoveryConformance: ConformanceSuite {
    /// A fresh, empty database.
    open func makeDatabase() throws -> any CreditDatabase {
        throw ConformanceError("Override makeDatabase() to return a fresh, empty database.")
    }

    /// The same database closed and opened again.
    open func reopen(_ database: any CreditDatabase) throws -> any CreditDatabase {
        throw ConformanceError("Override reopen(_:) to open the database again.")
    }

    // MARK: The parties, made once for each checkout; the desk that resumes uses the same ones.

    /// Medical insurance (医保); by default a `FakeMedicalInsurance` with a deductible of
    /// 100 yuan that knows ``insuredPerson`` with a balance of 10 yuan.
    open func makeMedicalInsurance() throws -> any MedicalInsuranceAdapter {
        let insurance = FakeMedicalInsurance(policy: .init(deductible: Money(fen: 10_000)))
        insurance.openAccount(insuredPerson, balance: Money(fen: 1_000))
        return insurance
    }

    /// The commercial insurer (商保); by default a `FakeCommercialInsurance`.
    open func makeCommercialInsurance() throws -> any CommercialInsuranceAdapter { FakeCommercialInsurance() }

    /// The bank; by default a `FakeCreditProvider` that granted ``grantedLine``.
    open func makeCreditProvider() throws -> any CreditProviderAdapter {
        let bank = FakeCreditProvider()
        bank.grant(grantedLine, limit: Self.limit)
        return bank
    }

    /// The notification channel; by default a `FakeNotificationSender`.
    open func makeNotificationSender() throws -> any NotificationSender { FakeNotificationSender() }

    // MARK: The test data

    /// The patient's 医保 number: an insured person with a personal-account balance.
    open var insuredPerson: String { "conformance-insured" }
    /// The patient's 商保 policy: a policy that pays part of what 医保 leaves.
    open var commercialPolicy: String { "conformance-policy" }
    /// The patient's credit line, which the bank has granted; the suite opens it in the ledger.
    open var grantedLine: CreditLineID { "conformance-line" }
    /// The patient's id in the HIS, whom the notification channel reaches.
    open var patient: String { "conformance-patient" }

    // MARK: What the parties' test systems show

    /// The settlements 医保's test system holds for `encounter` and has not reversed, one entry
    /// per settlement booked; see ``MedicalInsuranceAdapterConformance/settlements(for:from:)``.
    open func settlements(for encounter: EncounterID, from adapter: any MedicalInsuranceAdapter) async throws -> [MedicalInsuranceSettlement] {
        try Self.fake(adapter, as: FakeMedicalInsurance.self, hook: "settlements(for:from:)").settlements(for: encounter)
    }

    /// The claims 商保's test system paid for `encounter` and has not reversed, one entry per
    /// claim paid; see ``CommercialInsuranceAdapterConformance/payments(for:from:)``.
    open func payments(for encounter: EncounterID, from adapter: any CommercialInsuranceAdapter) async throws -> [CommercialInsurancePayment] {
        try Self.fake(adapter, as: FakeCommercialInsurance.self, hook: "payments(for:from:)").payments(for: encounter)
    }

    /// The capture notices the bank's test system booked for `encounter`, one entry per booking;
    /// see ``CreditProviderAdapterConformance/captureNotices(for:from:)``.
    open func captureNotices(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [CaptureNotice] {
        try Self.fake(adapter, as: FakeCreditProvider.self, hook: "captureNotices(for:from:)").captureNotices(for: encounter)
    }

    /// The advances the bank's test system booked for `encounter`, one entry per booking; see
    /// ``CreditProviderAdapterConformance/advances(for:from:)``.
    open func advances(for encounter: EncounterID, from adapter: any CreditProviderAdapter) async throws -> [AdvanceRequest] {
        try Self.fake(adapter, as: FakeCreditProvider.self, hook: "advances(for:from:)").advanceRequests(for: encounter)
    }

    /// How many messages with notification id `id` reached the patient, as the channel's test
    /// system counts them; see ``NotificationSenderConformance/deliveries(of:from:)``.
    open func deliveries(of id: AdapterRequestID, from sender: any NotificationSender) async throws -> Int {
        try Self.fake(sender, as: FakeNotificationSender.self, hook: "deliveries(of:from:)").delivered.filter { $0.id == id }.count
    }

    public static let allScenarios: [ConformanceScenario<CheckoutRecoveryConformance.Subject>] = [
        .init("aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement", aCrashBetweenAnyTwoStepsResumesToExactlyOneSettlement),
        .init("aReversalInterruptedHalfWayCompletesOnce", aReversalInterruptedHalfWayCompletesOnce),
    ]

    override func scenarios() -> [BoundScenario] {
        Self.allScenarios.map { $0.bound { Subject(suite: UncheckedBox(self)) } }
    }

    /// What a scenario works with: the suite, which makes the stores and the parties and looks
    /// into the parties' test systems.
    public struct Subject: Sendable {
        let suite: UncheckedBox<CheckoutRecoveryConformance>
        /// Encounter numbers unique to this run, so a persistent test system never sees one twice.
        let run = UInt64.random(in: 1...UInt64.max)

        func encounter(_ name: String) -> EncounterID { EncounterID("CR\(run)-\(name)") }

        /// The four parties for one checkout, from the suite's factories.
        func parties() throws -> CheckoutParties {
            let suite = suite.value
            return CheckoutParties(medical: try suite.makeMedicalInsurance(), commercial: try suite.makeCommercialInsurance(),
                                   bank: try suite.makeCreditProvider(), sender: try suite.makeNotificationSender())
        }
    }

    /// The credit line's limit.
    static let limit = Money(fen: 1_000_000)

    /// The fake behind a default observation, or an error that says which hook to override.
    private static func fake<Fake>(_ adapter: Any, as type: Fake.Type, hook: String) throws -> Fake {
        guard let fake = adapter as? Fake else {
            throw ConformanceError("Override \(hook): the suite cannot look into the test system of \(Swift.type(of: adapter)).")
        }
        return fake
    }
}
