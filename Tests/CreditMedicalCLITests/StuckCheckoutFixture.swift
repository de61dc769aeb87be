import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTesting
import Synchronization

/// SQLite files with a checkout that did not finish, made in the test process through the public
/// API, for the tool to find: one a crash interrupted, one parked because 医保's answer did not
/// add up.
struct StuckCheckoutFixture {
    /// The fake parties the checkouts talked to; they outlive the desks, as real parties would.
    let parties = FakeParties()
    /// 医保 that adds a fen to the fund's part of its settlements while `broken` is set.
    let medicalInsurance: OneFenOverMedicalInsurance
    let path: String

    init(path: String) {
        self.path = path
        medicalInsurance = OneFenOverMedicalInsurance(parties.medicalInsurance)
    }

    /// Opens `id` on a line of its own with one charge, and checks it out with `desk`.
    private func checkOut(_ id: EncounterID, with makeDesk: (Ledger, SQLiteEncounterStore) -> CreditDesk) async throws {
        let database = try SQLiteDatabase(path: path)
        // An hour ago: the checkout of an earlier run, not one running now.
        let ledger = Ledger(store: database.ledgerStore, clock: ManualClock(SystemClock().now().adding(seconds: -3_600)))
        let line = CreditLineID("L-\(id)")
        try await ledger.execute(.openLine(line, limit: Money(fen: 500_000)), key: IdempotencyKey("open-\(id)"))
        parties.bank.grant(line, limit: Money(fen: 500_000))
        let desk = makeDesk(ledger, database.encounterStore)
        try await desk.open(id, kind: .outpatient, patient: Patient(id: "P-\(id)", line: line, medicalInsuranceNumber: "YB-\(id)"),
                            department: "内科")
        let item = try ChargeItem(id: "CT", code: "CT", name: "胸部CT", category: .imaging, insuranceClass: .b, quantity: Quantity(parsing: "1"),
                                  unitPrice: Money(fen: 30_000), department: "内科", doctor: "Dr. Li", time: SystemClock().now())
        try await desk.charge([item], to: id)
        _ = try await desk.checkout(id)
    }

    /// Leaves `id` in `settling`: its checkout crashes after 医保 settled it.
    func crash(_ id: EncounterID) async throws {
        do {
            try await checkOut(id) { ledger, store in
                CreditDesk.crashing(at: .medicalCalled, ledger: ledger, store: store, medicalInsurance: parties.medicalInsurance,
                                    commercialInsurance: parties.commercialInsurance, bank: parties.bank, notifications: parties.notifications)
            }
        } catch is SimulatedCrash {}
    }

    /// Parks `id` for an operator: 医保's settlement does not add up (`billing.split_mismatch`).
    func park(_ id: EncounterID) async throws {
        medicalInsurance.broken.withLock { $0 = true }
        defer { medicalInsurance.broken.withLock { $0 = false } }
        do {
            try await checkOut(id, with: desk)
        } catch BillingError.Code.splitMismatch {}
    }

    /// Checks `id` out completely.
    func complete(_ id: EncounterID) async throws {
        try await checkOut(id, with: desk)
    }

    /// A desk over `ledger` and `store` with these parties.
    func desk(_ ledger: Ledger, _ store: SQLiteEncounterStore) -> CreditDesk {
        CreditDesk(ledger: ledger, store: store, medicalInsurance: medicalInsurance, commercialInsurance: parties.commercialInsurance,
                   bank: parties.bank, notifications: parties.notifications)
    }

    /// What the desk of a server on the file does at its next resume.
    func resume() async throws -> CheckoutResumeReport {
        let database = try SQLiteDatabase(path: path)
        return try await desk(Ledger(store: database.ledgerStore), database.encounterStore).resumeCheckouts()
    }

    /// The latest settlement record of `id`, read from the file.
    func settlement(of id: EncounterID) throws -> SettlementRecord? {
        try SQLiteDatabase(path: path).encounterStore.settlement(of: id)
    }
}

/// 医保 that passes every call to the fake and, while ``broken``, answers a settlement with a fen
/// more for the fund than the fake booked, so the parts do not add up.
final class OneFenOverMedicalInsurance: MedicalInsuranceAdapter {
    let wrapped: FakeMedicalInsurance
    let broken = Mutex(false)

    init(_ wrapped: FakeMedicalInsurance) { self.wrapped = wrapped }

    func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        try await wrapped.preSettle(claim)
    }

    func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        let settled = try await wrapped.settle(claim)
        guard broken.withLock({ $0 }) else { return settled }
        return MedicalInsuranceSettlement(settlementID: settled.settlementID, fund: Money(fen: settled.fund.fen + 1),
                                          personalAccount: settled.personalAccount, cash: settled.cash)
    }

    func reverse(settlementID: String, requestID: AdapterRequestID) async throws {
        try await wrapped.reverse(settlementID: settlementID, requestID: requestID)
    }
}
