import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTesting

/// Measures the credit desk on SQLite with the fake parties: (a) aggregating and settling one
/// long inpatient stay, (b) outpatient checkouts from concurrent callers with group commit, and
/// the same checkouts one at a time with every write its own transaction, in the same run.
struct BillingBenchmark {
    /// Charge items of the inpatient stay, spread over ``stayDays`` days.
    var inpatientItems = 20_000
    var stayDays = 30
    /// Outpatient checkouts on the group-commit path, and concurrent callers doing them (as many
    /// as `bench ledger` has).
    var checkouts = 20_000
    var callers = 1_024
    /// Charge items per outpatient visit.
    static let itemsPerVisit = 8

    struct Figures {
        var inpatientSettleSeconds: Double
        var inpatientChargeSeconds: Double
        var outpatient: Throughput
        var naive: Throughput
        var naiveCheckouts: Int
        var ratio: Double { outpatient.checkoutsPerSecond / naive.checkoutsPerSecond }
    }

    private let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    /// Runs the measurements; `makeDatabase` gives a fresh database for each.
    func run(makeDatabase: (String) throws -> SQLiteDatabase) async throws -> Figures {
        let (charge, settle) = try await measureStay(in: makeDatabase("inpatient"))
        let naiveCheckouts = max(100, checkouts / 20)
        let naive = try await measureCheckouts(in: makeDatabase("naive"), count: naiveCheckouts, callers: 1, groupCommit: false)
        let batched = try await measureCheckouts(in: makeDatabase("batched"), count: checkouts, callers: callers, groupCommit: true)
        return Figures(inpatientSettleSeconds: settle, inpatientChargeSeconds: charge, outpatient: batched, naive: naive,
                       naiveCheckouts: naiveCheckouts)
    }

    /// Charges the stay day by day (not timed as settlement), then times what discharge does:
    /// the daily bills and the fee notice, closing every day's bill, and the checkout.
    private func measureStay(in database: SQLiteDatabase) async throws -> (charge: Double, settle: Double) {
        let clock = ManualClock(start)
        let parties = FakeParties()
        let desk = parties.desk(ledger: Ledger(store: database.ledgerStore, clock: clock), store: database.encounterStore)
        try await desk.ledger.execute(.openLine("ZY-line", limit: Money(fen: 100_000_000)), key: "open-ZY")
        let patient = Patient(id: "ZY-patient", line: "ZY-line", medicalInsuranceNumber: "YB-ZY", commercialPolicy: "SB-ZY")
        try await desk.open("ZY-1", kind: .inpatient, patient: patient, department: "骨科")
        let perDay = (inpatientItems + stayDays - 1) / stayDays
        let chargeStart = ContinuousClock.now
        for day in 0..<stayDays {
            let time = start.adding(seconds: Int64(day) * 86_400)
            let items = try (day * perDay..<min((day + 1) * perDay, inpatientItems)).map { try Self.item("ZY\($0)", index: $0, at: time) }
            try await desk.charge(items, to: "ZY-1")
        }
        let chargeSeconds = (ContinuousClock.now - chargeStart).seconds
        clock.set(start.adding(seconds: Int64(stayDays) * 86_400))

        let settleStart = ContinuousClock.now
        let bill = try desk.bill(of: "ZY-1")
        let days = bill.daily(in: desk.configuration.calendar)
        _ = FeeNotice(bill: bill).text
        if let last = days.last?.day { try await desk.closeDays(of: "ZY-1", through: last) }
        let record = try await desk.checkout("ZY-1")
        let settleSeconds = (ContinuousClock.now - settleStart).seconds
        guard record.step == .completed, bill.lines.count == inpatientItems, days.count == stayDays else {
            throw ToolError(.benchmarkFailed, context: ["phase": "inpatient stay"])
        }
        return (chargeSeconds, settleSeconds)
    }

    /// Checkouts per second, and what opening and charging the visits took per second.
    struct Throughput {
        var checkoutsPerSecond: Double
        var visitSetUpsPerSecond: Double
    }

    /// Outpatient visits: each opened and charged one order of ``itemsPerVisit`` items (timed
    /// apart), then checked out (timed: 医保, 商保, capture, advance, fee notice).
    private func measureCheckouts(in database: SQLiteDatabase, count: Int, callers: Int, groupCommit: Bool) async throws -> Throughput {
        let parties = FakeParties()
        let ledger = Ledger(store: database.ledgerStore)
        let desk = parties.desk(ledger: ledger, store: database.encounterStore, configuration: .init(groupCommit: groupCommit))
        let lines = max(callers, 16)
        try await ledger.openLines(lines, limit: Money(fen: 1_000_000_000))
        let time = start
        let setUpTime = try await timed {
            try await concurrently(callers: callers, count: count) { index in
                let id = EncounterID("MZ-\(index)")
                let patient = Patient(id: "P\(index)", line: CreditLineID("L\(index % lines)"),
                                      medicalInsuranceNumber: "YB-\(index)", commercialPolicy: index % 2 == 0 ? "SB-\(index)" : nil)
                try await desk.open(id, kind: .outpatient, patient: patient, department: "内科")
                let items = try (0..<Self.itemsPerVisit).map { try Self.item("I\($0)", index: index + $0, at: time) }
                try await desk.charge(items, to: id)
            }
        }
        let checkoutTime = try await timed {
            try await concurrently(callers: callers, count: count) { index in
                let record = try await desk.checkout(EncounterID("MZ-\(index)"))
                guard record.step == .completed else {
                    throw ToolError(.benchmarkFailed, context: ["phase": "outpatient checkout", "step": record.step.rawValue])
                }
            }
        }
        return Throughput(checkoutsPerSecond: Double(count) / checkoutTime, visitSetUpsPerSecond: Double(count) / setUpTime)
    }

    /// Seconds `body` took.
    private func timed(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        return (ContinuousClock.now - start).seconds
    }

    private static let categories: [ChargeCategory] = [.westernDrug, .laboratory, .nursing, .bed, .material, .treatment, .examination]

    /// A charge item of varying category, class, quantity and price.
    private static func item(_ id: String, index: Int, at time: Timestamp) throws -> ChargeItem {
        try ChargeItem(
            id: ChargeItemID(id), code: "C\(index % 500)", name: "item \(index % 500)", category: categories[index % categories.count],
            insuranceClass: [.a, .b, .c][index % 3], quantity: Quantity(thousandths: Int64(500 + index % 4 * 500)),
            unitPrice: Money(fen: Int64(100 + index % 9_900)), department: "d", doctor: "dr", time: time)
    }
}
