import CreditMedicalCore
public import CreditMedicalHIS
public import XCTest

/// The conformance suite for a ``CommercialInsuranceAdapter``. Subclass it, override
/// ``makeAdapter()`` (and ``insuredPerson`` for a policy your insurer's test system knows), and
/// declare one test that calls ``runAll()`` and compares the count with ``allScenarios``, as for
/// ``MedicalInsuranceAdapterConformance``.
open class CommercialInsuranceAdapterConformance: XCTestCase {
    /// A fresh adapter; each scenario calls this once.
    open func makeAdapter() throws -> any CommercialInsuranceAdapter {
        throw ConformanceError("Override makeAdapter() to return the adapter under test.")
    }

    /// A policy the insurer's test system pays for.
    open var insuredPerson: String { "conformance-policy" }

    public static let allScenarios: [ConformanceScenario<CommercialInsuranceAdapterConformance.Subject>] = [
        .init("paysAtMostWhatIsLeft", paysAtMostWhatIsLeft),
        .init("repeatedRequestGetsTheFirstAnswer", repeatedRequestGetsTheFirstAnswer),
        .init("reversalIsIdempotent", reversalIsIdempotent),
        .init("reversingAnUnknownClaimIsAnError", reversingAnUnknownClaimIsAnError),
    ]

    /// Runs every scenario of ``allScenarios`` on a fresh adapter and returns how many ran.
    @discardableResult
    public func runAll() async -> Int {
        await runScenarios(Self.allScenarios) { Subject(adapter: try makeAdapter(), insuredPerson: insuredPerson) }
    }

    /// What a scenario works with.
    public struct Subject: Sendable {
        let adapter: any CommercialInsuranceAdapter
        let insuredPerson: String
        let run = UInt64.random(in: 1...UInt64.max)

        func claim(_ request: String, remaining: Int64) -> CommercialInsuranceClaim {
            CommercialInsuranceClaim(requestID: AdapterRequestID("conformance-\(run)-\(request)"), insuredPerson: insuredPerson,
                                     encounter: EncounterID("conformance-\(run)-\(request)"), remaining: Money(fen: remaining))
        }
    }

    static func paysAtMostWhatIsLeft(_ s: Subject) async throws {
        for (index, remaining) in [Int64(1), 999, 123_457, 50_000_000].enumerated() {
            let payment = try await s.adapter.claim(s.claim("left-\(index)", remaining: remaining))
            XCTAssertTrue(payment.paid.fen >= 0 && payment.paid.fen <= remaining, "[paysAtMostWhatIsLeft] paid \(payment.paid) of \(remaining)")
        }
    }

    static func repeatedRequestGetsTheFirstAnswer(_ s: Subject) async throws {
        let claim = s.claim("repeat", remaining: 88_888)
        let first = try await s.adapter.claim(claim)
        let second = try await s.adapter.claim(claim)
        XCTAssertEqual(second, first, "[repeatedRequestGetsTheFirstAnswer]")
    }

    static func reversalIsIdempotent(_ s: Subject) async throws {
        let payment = try await s.adapter.claim(s.claim("reverse", remaining: 40_000))
        let request = AdapterRequestID("conformance-\(s.run)-undo")
        try await s.adapter.reverse(claimID: payment.claimID, requestID: request)
        try await s.adapter.reverse(claimID: payment.claimID, requestID: request)
    }

    static func reversingAnUnknownClaimIsAnError(_ s: Subject) async throws {
        await expectThrows(AdapterError.Code.unknownSettlement, "reversingAnUnknownClaimIsAnError") {
            try await s.adapter.reverse(claimID: "conformance-no-such-\(s.run)", requestID: AdapterRequestID("conformance-\(s.run)-x"))
        }
    }
}
