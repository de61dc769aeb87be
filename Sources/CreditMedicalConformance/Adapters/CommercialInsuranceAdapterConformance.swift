public import CreditMedicalCore
public import CreditMedicalHIS
import XCTest

/// The conformance suite for a `CommercialInsuranceAdapter`. Subclass it, override
/// ``makeAdapter()``, ``insuredPerson`` (a policy your insurer's test system pays for) and
/// ``payments(for:from:)``, and declare one test that calls ``ConformanceSuite/runAll()`` and
/// compares the count with ``allScenarios``, as for ``MedicalInsuranceAdapterConformance``.
///
/// Each scenario reverses what it claimed, so the suite can run again and again against the same
/// test system.
open class CommercialInsuranceAdapterConformance: ConformanceSuite {
    /// A fresh adapter; each scenario calls this once.
    open func makeAdapter() throws -> any CommercialInsuranceAdapter {
        throw ConformanceError("Override makeAdapter() to return the adapter under test.")
    }

    /// A policy the insurer's test system pays for: a claim on it pays more than nothing.
    open var insuredPerson: String { "conformance-policy" }

    /// The claims the insurer's test system has paid for `encounter` and not reversed, one entry
    /// per claim it paid (a claim paid twice appears twice), in the order paid, as `adapter`
    /// answered them. Look them up in the test system itself, not in the adapter's memory.
    open func payments(for encounter: EncounterID, from adapter: any CommercialInsuranceAdapter) async throws -> [CommercialInsurancePayment] {
        throw ConformanceError("Override payments(for:from:) to return the claims the insurer's test system paid for an encounter.")
    }

    public static let allScenarios: [ConformanceScenario<CommercialInsuranceAdapterConformance.Subject>] = [
        .init("paysAtMostWhatIsLeft", paysAtMostWhatIsLeft),
        .init("repeatedRequestIsPaidOnce", repeatedRequestIsPaidOnce),
        .init("reversalUndoesThePaymentOnce", reversalUndoesThePaymentOnce),
        .init("reversingAnUnknownClaimIsAnError", reversingAnUnknownClaimIsAnError),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios, of: self, makeAdapter)
    }

    /// What a scenario works with.
    public typealias Subject = AdapterSubject<any CommercialInsuranceAdapter, CommercialInsuranceAdapterConformance>

    static func paysAtMostWhatIsLeft(_ s: Subject) async throws {
        for (index, remaining) in [Int64(1), 999, 123_457, 50_000_000].enumerated() {
            let payment = try await s.adapter.claim(s.claim("left-\(index)", remaining: remaining))
            XCTAssertTrue(payment.paid.fen >= 0 && payment.paid.fen <= remaining, "[paysAtMostWhatIsLeft] paid \(payment.paid) of \(remaining)")
            try await s.undo(payment, "left-\(index)-undo")
        }
    }

    static func repeatedRequestIsPaidOnce(_ s: Subject) async throws {
        let claim = s.claim("repeat", remaining: 88_888)
        let first = try await s.adapter.claim(claim)
        let second = try await s.adapter.claim(claim)
        XCTAssertEqual(second, first, "[repeatedRequestIsPaidOnce] the first answer again")
        let booked = try await s.booked(claim)
        XCTAssertEqual(booked, [first], "[repeatedRequestIsPaidOnce] the insurer paid one claim")
        try await s.undo(first, "repeat-undo")
    }

    static func reversalUndoesThePaymentOnce(_ s: Subject) async throws {
        let tag = "[reversalUndoesThePaymentOnce]"
        let claim = s.claim("reverse", remaining: 40_000)
        let payment = try await s.adapter.claim(claim)
        XCTAssertTrue(payment.paid.isPositive, "\(tag) the claim paid nothing, so its reversal cannot be checked: use a policy that pays")
        let booked2 = try await s.booked(claim)
        XCTAssertEqual(booked2, [payment], "\(tag) the insurer's books show the payment")
        try await s.undo(payment, "undo")
        try await s.undo(payment, "undo")
        let bookedAfter = try await s.booked(claim)
        XCTAssertEqual(bookedAfter, [], "\(tag) the insurer's books show the payment reversed")
    }

    static func reversingAnUnknownClaimIsAnError(_ s: Subject) async throws {
        await expectThrows(AdapterError.Code.unknownSettlement, "reversingAnUnknownClaimIsAnError") {
            try await s.adapter.reverse(claimID: "conformance-no-such-\(s.run)", requestID: s.request("x"))
        }
    }
}

extension AdapterSubject where Adapter == any CommercialInsuranceAdapter, Suite == CommercialInsuranceAdapterConformance {
    func claim(_ name: String, remaining: Int64) -> CommercialInsuranceClaim {
        CommercialInsuranceClaim(requestID: request(name), insuredPerson: suite.insuredPerson, encounter: encounter(name),
                                 remaining: Money(fen: remaining))
    }

    /// What the insurer's books show for the claim's encounter.
    func booked(_ claim: CommercialInsuranceClaim) async throws -> [CommercialInsurancePayment] {
        try await suite.payments(for: claim.encounter, from: adapter)
    }

    /// Reverses `payment` when it paid anything.
    func undo(_ payment: CommercialInsurancePayment, _ name: String) async throws {
        guard payment.paid.isPositive else { return }
        try await adapter.reverse(claimID: payment.claimID, requestID: request(name))
    }
}
