public import CreditMedicalCore
public import CreditMedicalHIS
import XCTest

/// The conformance suite for a `MedicalInsuranceAdapter`. Subclass it, override
/// ``makeAdapter()``, ``insuredPerson`` and ``settlements(for:from:)``, and declare one test
/// that runs it:
///
/// ```swift
/// final class MyMedicalInsuranceConformanceTests: MedicalInsuranceAdapterConformance {
///     override func makeAdapter() throws -> any MedicalInsuranceAdapter { MyYibaoAdapter(sandbox: url) }
///     override var insuredPerson: String { "a person of the sandbox, with a personal-account balance" }
///     override func settlements(for encounter: EncounterID, from adapter: any MedicalInsuranceAdapter) async throws
///         -> [MedicalInsuranceSettlement] { try await sandbox.settlementsInForce(encounter: encounter) }
///     func testConformance() async throws {
///         let passed = await runAll()
///         XCTAssertEqual(passed, Self.allScenarios.count)
///     }
/// }
/// ```
///
/// The test data matters: ``insuredPerson`` MUST have a personal-account (个人账户) balance, so
/// that the settlements the suite makes pay part of each bill from it. A reversal that does not
/// give the balance back can only be seen then, and the suite fails when the account pays
/// nothing. Each scenario reverses what it settled, so the balance, the deductible and the cap
/// come back and the suite can run again and again against the same test system.
///
/// Every scenario uses request ids and encounter numbers of its own, unique per run.
open class MedicalInsuranceAdapterConformance: ConformanceSuite {
    /// A fresh adapter; each scenario calls this once.
    open func makeAdapter() throws -> any MedicalInsuranceAdapter {
        throw ConformanceError("Override makeAdapter() to return the adapter under test.")
    }

    /// An insured person the insurer's test system settles for, with a personal-account balance.
    open var insuredPerson: String { "conformance-insured" }

    /// The settlements the insurer's test system holds for `encounter` and has not reversed, one
    /// entry per settlement it booked (a settlement booked twice appears twice), in the order
    /// booked, as `adapter` answered them. Look them up in the test system itself (its database,
    /// its reconciliation files or an inquiry call), not in the adapter's memory.
    open func settlements(for encounter: EncounterID, from adapter: any MedicalInsuranceAdapter) async throws -> [MedicalInsuranceSettlement] {
        throw ConformanceError("Override settlements(for:from:) to return the settlements the insurer's test system holds for an encounter.")
    }

    public static let allScenarios: [ConformanceScenario<MedicalInsuranceAdapterConformance.Subject>] = [
        .init("partsAddUpToTheTotal", partsAddUpToTheTotal),
        .init("repeatedRequestIsSettledOnce", repeatedRequestIsSettledOnce),
        .init("preSettlementChangesNothing", preSettlementChangesNothing),
        .init("reversalRestoresAndIsIdempotent", reversalRestoresAndIsIdempotent),
        .init("reversingAnUnknownSettlementIsAnError", reversingAnUnknownSettlementIsAnError),
        .init("thePersonalAccountPaysOnlyWhenTheClaimLetsIt", thePersonalAccountPaysOnlyWhenTheClaimLetsIt),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios, of: self, makeAdapter)
    }

    /// What a scenario works with.
    public typealias Subject = AdapterSubject<any MedicalInsuranceAdapter, MedicalInsuranceAdapterConformance>

    /// The parts of a settlement, without its number.
    private static func parts(_ settlement: MedicalInsuranceSettlement) -> [Money] {
        [settlement.fund, settlement.personalAccount, settlement.cash]
    }

    static func partsAddUpToTheTotal(_ s: Subject) async throws {
        let bills: [[(InsuranceClass, Int64)]] = [[(.a, 12_345)], [(.b, 30_000), (.c, 7_777)], [(.a, 1), (.b, 1), (.c, 1)]]
        for (index, amounts) in bills.enumerated() {
            let claim = try s.claim("sum-\(index)", amounts: amounts)
            let settlement = try await s.adapter.settle(claim)
            XCTAssertTrue(settlement.fund.fen >= 0 && settlement.personalAccount.fen >= 0 && settlement.cash.fen >= 0,
                          "[partsAddUpToTheTotal] no negative part: \(settlement)")
            XCTAssertEqual(settlement.fund.fen + settlement.personalAccount.fen + settlement.cash.fen, claim.total.fen,
                           "[partsAddUpToTheTotal] fund + personal account + cash = total")
            try await s.undo(settlement, "sum-\(index)-undo")
        }
    }

    static func repeatedRequestIsSettledOnce(_ s: Subject) async throws {
        let claim = try s.claim("repeat", amounts: [(.a, 50_000), (.b, 20_000)])
        let first = try await s.adapter.settle(claim)
        let second = try await s.adapter.settle(claim)
        XCTAssertEqual(second, first, "[repeatedRequestIsSettledOnce] the first answer again")
        let booked = try await s.booked(claim)
        XCTAssertEqual(booked, [first], "[repeatedRequestIsSettledOnce] the insurer booked one settlement")
        try await s.undo(first, "repeat-undo")
    }

    static func preSettlementChangesNothing(_ s: Subject) async throws {
        let claim = try s.claim("pre", amounts: [(.a, 40_000), (.b, 10_000)])
        let quoted = try await s.adapter.preSettle(claim)
        let quotedAgain = try await s.adapter.preSettle(claim)
        XCTAssertEqual(parts(quotedAgain), parts(quoted), "[preSettlementChangesNothing] a second quote is the same")
        let bookedAfter = try await s.booked(claim)
        XCTAssertEqual(bookedAfter, [], "[preSettlementChangesNothing] a quote books nothing")
        let settled = try await s.adapter.settle(claim)
        XCTAssertEqual(parts(settled), parts(quoted), "[preSettlementChangesNothing] the settlement pays what was quoted")
        try await s.undo(settled, "pre-undo")
    }

    static func reversalRestoresAndIsIdempotent(_ s: Subject) async throws {
        let tag = "[reversalRestoresAndIsIdempotent]"
        let amounts: [(InsuranceClass, Int64)] = [(.a, 60_000), (.b, 25_000), (.c, 5_000)]
        let first = try s.claim("reverse-1", amounts: amounts)
        let settled = try await s.adapter.settle(first)
        XCTAssertTrue(settled.personalAccount.isPositive,
                      "\(tag) the personal account paid nothing, so its restoring cannot be checked: give insuredPerson a balance")
        try await s.undo(settled, "undo")
        try await s.undo(settled, "undo")
        let bookedAfter2 = try await s.booked(first)
        XCTAssertEqual(bookedAfter2, [], "\(tag) the insurer's books show the settlement reversed")
        // The same bill again pays as before: deductible, cap and account were given back once.
        let again = try await s.adapter.settle(try s.claim("reverse-2", amounts: amounts))
        XCTAssertEqual(parts(again), parts(settled), "\(tag) the same bill settles the same way again")
        try await s.undo(again, "undo-2")
    }

    static func thePersonalAccountPaysOnlyWhenTheClaimLetsIt(_ s: Subject) async throws {
        let tag = "[thePersonalAccountPaysOnlyWhenTheClaimLetsIt]"
        let amounts: [(InsuranceClass, Int64)] = [(.a, 60_000), (.c, 5_000)]
        let allowed = try await s.adapter.preSettle(try s.claim("account-quote", amounts: amounts))
        XCTAssertTrue(allowed.personalAccount.isPositive, "\(tag) give insuredPerson a balance, so that the account pays when allowed")
        let settled = try await s.adapter.settle(try s.claim("account-off", amounts: amounts, usePersonalAccount: false))
        XCTAssertEqual(settled.personalAccount, .zero, "\(tag) a claim that does not use the account takes nothing from it")
        XCTAssertEqual(settled.fund.fen + settled.cash.fen, allowed.fund.fen + allowed.personalAccount.fen + allowed.cash.fen,
                       "\(tag) the patient pays in cash what the account would have paid")
        try await s.undo(settled, "account-undo")
    }

    static func reversingAnUnknownSettlementIsAnError(_ s: Subject) async throws {
        await expectThrows(AdapterError.Code.unknownSettlement, "reversingAnUnknownSettlementIsAnError") {
            try await s.adapter.reverse(settlementID: "conformance-no-such-\(s.run)", requestID: s.request("x"))
        }
    }
}

extension AdapterSubject where Adapter == any MedicalInsuranceAdapter, Suite == MedicalInsuranceAdapterConformance {
    func claim(_ name: String, amounts: [(InsuranceClass, Int64)], usePersonalAccount: Bool = true) throws -> MedicalInsuranceClaim {
        var bill = Bill(encounter: encounter(name))
        for (index, (insuranceClass, fen)) in amounts.enumerated() {
            try bill.add(ChargeItem(id: ChargeItemID("item-\(index)"), code: "C\(index)", name: "conformance item",
                                    category: .examination, insuranceClass: insuranceClass, quantity: Quantity(units: 1),
                                    unitPrice: Money(fen: fen), time: Timestamp(millisecondsSince1970: 1_795_996_800_000)))
        }
        return MedicalInsuranceClaim(requestID: request(name), insuredPerson: suite.insuredPerson, encounter: bill.encounter, year: 2026,
                                     bill: bill, usePersonalAccount: usePersonalAccount)
    }

    /// What the insurer's books show for the claim's encounter.
    func booked(_ claim: MedicalInsuranceClaim) async throws -> [MedicalInsuranceSettlement] {
        try await suite.settlements(for: claim.encounter, from: adapter)
    }

    /// Reverses `settlement`, giving back what it took from the insured person.
    func undo(_ settlement: MedicalInsuranceSettlement, _ name: String) async throws {
        try await adapter.reverse(settlementID: settlement.settlementID, requestID: request(name))
    }
}
