import CreditMedicalCore
public import CreditMedicalHIS
public import XCTest

/// The conformance suite for a ``MedicalInsuranceAdapter``. Subclass it, override
/// ``makeAdapter()`` (and ``insuredPerson`` for a person your insurer's test system knows), and
/// declare one test that runs it:
///
/// ```swift
/// final class MyMedicalInsuranceConformanceTests: MedicalInsuranceAdapterConformance {
///     override func makeAdapter() throws -> any MedicalInsuranceAdapter { MyYibaoAdapter(sandbox: url) }
///     func testConformance() async throws {
///         XCTAssertEqual(await runAll(), Self.allScenarios.count)
///     }
/// }
/// ```
///
/// Every scenario uses request ids of its own, unique per run.
open class MedicalInsuranceAdapterConformance: XCTestCase {
    /// A fresh adapter; each scenario calls this once.
    open func makeAdapter() throws -> any MedicalInsuranceAdapter {
        throw ConformanceError("Override makeAdapter() to return the adapter under test.")
    }

    /// An insured person the insurer's test system settles for.
    open var insuredPerson: String { "conformance-insured" }

    public static let allScenarios: [ConformanceScenario<MedicalInsuranceAdapterConformance.Subject>] = [
        .init("partsAddUpToTheTotal", partsAddUpToTheTotal),
        .init("repeatedRequestGetsTheFirstAnswer", repeatedRequestGetsTheFirstAnswer),
        .init("preSettlementChangesNothing", preSettlementChangesNothing),
        .init("reversalRestoresAndIsIdempotent", reversalRestoresAndIsIdempotent),
        .init("reversingAnUnknownSettlementIsAnError", reversingAnUnknownSettlementIsAnError),
    ]

    /// Runs every scenario of ``allScenarios`` on a fresh adapter and returns how many ran.
    @discardableResult
    public func runAll() async -> Int {
        await runScenarios(Self.allScenarios) { Subject(adapter: try makeAdapter(), insuredPerson: insuredPerson) }
    }

    /// What a scenario works with.
    public struct Subject: Sendable {
        let adapter: any MedicalInsuranceAdapter
        let insuredPerson: String
        /// Request ids unique to this run, so a persistent test system never sees one twice.
        let run = UInt64.random(in: 1...UInt64.max)

        func claim(_ request: String, amounts: [(InsuranceClass, Int64)]) throws -> MedicalInsuranceClaim {
            var bill = Bill(encounter: EncounterID("conformance-\(run)-\(request)"))
            for (index, (insuranceClass, fen)) in amounts.enumerated() {
                try bill.add(ChargeItem(id: ChargeItemID("item-\(index)"), code: "C\(index)", name: "conformance item",
                                        category: .examination, insuranceClass: insuranceClass, quantity: Quantity(units: 1),
                                        unitPrice: Money(fen: fen), time: Timestamp(millisecondsSince1970: 1_795_996_800_000)))
            }
            return MedicalInsuranceClaim(requestID: AdapterRequestID("conformance-\(run)-\(request)"), insuredPerson: insuredPerson,
                                         encounter: bill.encounter, year: 2026, bill: bill)
        }
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
        }
    }

    static func repeatedRequestGetsTheFirstAnswer(_ s: Subject) async throws {
        let claim = try s.claim("repeat", amounts: [(.a, 50_000), (.b, 20_000)])
        let first = try await s.adapter.settle(claim)
        let second = try await s.adapter.settle(claim)
        XCTAssertEqual(second, first, "[repeatedRequestGetsTheFirstAnswer]")
    }

    static func preSettlementChangesNothing(_ s: Subject) async throws {
        let claim = try s.claim("pre", amounts: [(.a, 40_000), (.b, 10_000)])
        let quoted = try await s.adapter.preSettle(claim)
        let quotedAgain = try await s.adapter.preSettle(claim)
        XCTAssertEqual([quotedAgain.fund, quotedAgain.personalAccount, quotedAgain.cash], [quoted.fund, quoted.personalAccount, quoted.cash],
                       "[preSettlementChangesNothing] a second quote is the same")
        let settled = try await s.adapter.settle(claim)
        XCTAssertEqual([settled.fund, settled.personalAccount, settled.cash], [quoted.fund, quoted.personalAccount, quoted.cash],
                       "[preSettlementChangesNothing] the settlement pays what was quoted")
    }

    static func reversalRestoresAndIsIdempotent(_ s: Subject) async throws {
        let first = try s.claim("reverse-1", amounts: [(.a, 60_000), (.b, 25_000)])
        let settled = try await s.adapter.settle(first)
        try await s.adapter.reverse(settlementID: settled.settlementID, requestID: AdapterRequestID("conformance-\(s.run)-undo"))
        try await s.adapter.reverse(settlementID: settled.settlementID, requestID: AdapterRequestID("conformance-\(s.run)-undo"))
        // The same bill again pays as before: deductible, cap and account were given back once.
        let again = try await s.adapter.settle(try s.claim("reverse-2", amounts: [(.a, 60_000), (.b, 25_000)]))
        XCTAssertEqual([again.fund, again.personalAccount, again.cash], [settled.fund, settled.personalAccount, settled.cash],
                       "[reversalRestoresAndIsIdempotent]")
    }

    static func reversingAnUnknownSettlementIsAnError(_ s: Subject) async throws {
        await expectThrows(AdapterError.Code.unknownSettlement, "reversingAnUnknownSettlementIsAnError") {
            try await s.adapter.reverse(settlementID: "conformance-no-such-\(s.run)", requestID: AdapterRequestID("conformance-\(s.run)-x"))
        }
    }
}
