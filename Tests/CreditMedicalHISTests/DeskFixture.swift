import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// A desk over in-memory stores with the fake parties and a manual clock, and the helpers the
/// desk's tests share.
struct DeskFixture {
    /// 2026-11-30 08:00 in Shanghai.
    static let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    let clock = ManualClock(DeskFixture.start)
    let ledger: Ledger
    let store = InMemoryEncounterStore()
    let parties = FakeParties(medical: .init(deductible: Money(fen: 10_000), classBPermille: 700),
                              commercial: .init(permille: 500, perClaimCap: Money(fen: 100_000)))

    init() {
        ledger = Ledger(store: InMemoryLedgerStore(), clock: clock)
    }

    /// A desk over the fixture's stores, talking to `parties` (the fakes by default).
    func desk(medicalInsurance: (any MedicalInsuranceAdapter)? = nil, commercialInsurance: (any CommercialInsuranceAdapter)? = nil,
              bank: (any CreditProviderAdapter)? = nil, notifications: (any NotificationSender)? = nil) -> CreditDesk {
        CreditDesk(ledger: ledger, store: store, medicalInsurance: medicalInsurance ?? parties.medicalInsurance,
                   commercialInsurance: commercialInsurance ?? parties.commercialInsurance, bank: bank ?? parties.bank,
                   notifications: notifications ?? parties.notifications)
    }

    func enroll(_ line: CreditLineID, limit: Int64) async throws {
        try await ledger.execute(.openLine(line, limit: Money(fen: limit)), key: IdempotencyKey("open-\(line)"))
    }

    func patient(_ line: CreditLineID) -> Patient {
        Patient(id: "patient-\(line)", line: line, medicalInsuranceNumber: "YB-\(line)", commercialPolicy: "SB-\(line)")
    }

    func item(_ id: String, _ fen: Int64, _ insuranceClass: InsuranceClass = .b) throws -> ChargeItem {
        try ChargeItem(id: ChargeItemID(id), code: "X-\(id)", name: "item \(id)", category: .examination, insuranceClass: insuranceClass,
                       quantity: Quantity(units: 1), unitPrice: Money(fen: fen), time: clock.now())
    }
}
