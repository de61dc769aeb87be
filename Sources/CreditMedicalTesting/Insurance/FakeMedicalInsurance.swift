public import CreditMedicalCore
public import CreditMedicalHIS
import Synchronization

/// A medical-insurance (医保) fake with the rules that matter for settlement: a yearly deductible
/// (起付线) taken from class A amounts first, then class B; the fund pays class A in full and
/// class B at ``Policy/classBPermille``, class C not at all; the fund pays at most the yearly
/// cap (封顶线); the personal account (个人账户) pays the cash part while it has money.
///
/// Settlements are kept by request id (a repeat gets the first answer) and can be reversed once,
/// which gives back deductible, cap and account balance. Tell it to fail with ``inject(_:)``.
public final class FakeMedicalInsurance: MedicalInsuranceAdapter {
    /// The insurance rules.
    public struct Policy: Sendable, Hashable {
        public var deductible: Money
        /// The fund's share of class B amounts, in thousandths (700 = 70 %).
        public var classBPermille: Int64
        public var annualCap: Money

        public init(deductible: Money = Money(fen: 80_000), classBPermille: Int64 = 700, annualCap: Money = Money(fen: 30_000_000)) {
            self.deductible = deductible
            self.classBPermille = classBPermille
            self.annualCap = annualCap
        }
    }

    private struct Person {
        var account: Int64 = 0
        var deductibleUsed: [Int: Int64] = [:]
        var fundUsed: [Int: Int64] = [:]
    }

    private struct Record {
        let claim: MedicalInsuranceClaim
        let settlement: MedicalInsuranceSettlement
        let deductibleUsed: Int64
        var reversed = false
    }

    private struct State: FaultInjectable {
        var people: [String: Person] = [:]
        var byRequest: [AdapterRequestID: String] = [:]
        var records: [String: Record] = [:]
        /// Settlement numbers in the order settled.
        var order: [String] = []
        var faults = FaultPlan()
    }

    public let policy: Policy
    private let state = Mutex(State())

    public init(policy: Policy = Policy()) {
        self.policy = policy
    }

    /// Gives `person` a personal account with `balance`.
    public func openAccount(_ person: String, balance: Money) {
        state.withLock { $0.people[person, default: Person()].account = balance.fen }
    }

    /// The personal account's balance of `person`.
    public func accountBalance(_ person: String) -> Money {
        state.withLock { Money(fen: $0.people[person]?.account ?? 0) }
    }

    /// How much of `year`'s deductible and cap `person` has used.
    public func used(by person: String, in year: Int) -> (deductible: Money, fund: Money) {
        state.withLock { state in
            let person = state.people[person]
            return (Money(fen: person?.deductibleUsed[year] ?? 0), Money(fen: person?.fundUsed[year] ?? 0))
        }
    }

    /// The settlements booked for `encounter` and not reversed, in the order settled: what the
    /// insurer's books show.
    public func settlements(for encounter: EncounterID) -> [MedicalInsuranceSettlement] {
        state.withLock { state in
            state.order.compactMap { state.records[$0] }.filter { $0.claim.encounter == encounter && !$0.reversed }.map(\.settlement)
        }
    }

    /// Queues a fault for the next calls, one call each.
    public func inject(_ faults: FakeFault...) {
        state.withLock { $0.faults.pending += faults }
    }

    /// How many calls changed the fake's state.
    public var appliedCount: Int { state.withLock { $0.faults.applied } }

    public func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        try state.call { state in Self.compute(claim, for: state.people[claim.insuredPerson] ?? Person(), policy: policy, number: "PRE").settlement }
    }

    public func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        try state.call { state in
            if let number = state.byRequest[claim.requestID], let record = state.records[number] { return record.settlement }
            var person = state.people[claim.insuredPerson] ?? Person()
            let number = "YB\(state.records.count + 1)"
            let (settlement, deductibleUsed) = Self.compute(claim, for: person, policy: policy, number: number)
            person.deductibleUsed[claim.year, default: 0] += deductibleUsed
            person.fundUsed[claim.year, default: 0] += settlement.fund.fen
            person.account -= settlement.personalAccount.fen
            state.people[claim.insuredPerson] = person
            state.byRequest[claim.requestID] = number
            state.records[number] = Record(claim: claim, settlement: settlement, deductibleUsed: deductibleUsed)
            state.order.append(number)
            state.faults.applied += 1
            return settlement
        }
    }

    public func reverse(settlementID: String, requestID: AdapterRequestID) async throws {
        try state.call { state in
            guard var record = state.records[settlementID] else {
                throw AdapterError(.unknownSettlement, details: settlementID)
            }
            guard !record.reversed else { return }
            var person = state.people[record.claim.insuredPerson] ?? Person()
            person.deductibleUsed[record.claim.year, default: 0] -= record.deductibleUsed
            person.fundUsed[record.claim.year, default: 0] -= record.settlement.fund.fen
            person.account += record.settlement.personalAccount.fen
            state.people[record.claim.insuredPerson] = person
            record.reversed = true
            state.records[settlementID] = record
            state.faults.applied += 1
        }
    }

    /// The rules applied to one claim for a person in their current state.
    private static func compute(_ claim: MedicalInsuranceClaim, for person: Person, policy: Policy, number: String) -> (settlement: MedicalInsuranceSettlement, deductibleUsed: Int64) {
        let classA = max(claim.amountsByClass[.a]?.fen ?? 0, 0)
        let classB = max(claim.amountsByClass[.b]?.fen ?? 0, 0)
        var deductibleLeft = max(policy.deductible.fen - (person.deductibleUsed[claim.year] ?? 0), 0)
        let fromA = min(classA, deductibleLeft)
        deductibleLeft -= fromA
        let fromB = min(classB, deductibleLeft)
        // ⌊x × p / 1000⌋ without overflowing: x = 1000q + r.
        let permille = min(max(policy.classBPermille, 0), 1_000)
        let (q, r) = (classB - fromB).quotientAndRemainder(dividingBy: 1_000)
        let classBPaid = q * permille + r * permille / 1_000
        let capLeft = max(policy.annualCap.fen - (person.fundUsed[claim.year] ?? 0), 0)
        let fund = min((classA - fromA) + classBPaid, capLeft, claim.total.fen)
        let cash = claim.total.fen - fund
        let account = claim.usePersonalAccount ? min(cash, max(person.account, 0)) : 0
        let settlement = MedicalInsuranceSettlement(
            settlementID: number, fund: Money(fen: fund), personalAccount: Money(fen: account), cash: Money(fen: cash - account))
        return (settlement, fromA + fromB)
    }
}
