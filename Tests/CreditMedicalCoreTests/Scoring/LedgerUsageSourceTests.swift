import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class LedgerUsageSourceTests: XCTestCase {
    let store = InMemoryLedgerStore()
    let clock = ManualClock(Timestamp(millisecondsSince1970: 1_767_225_600_000))

    func source() -> LedgerUsageSource {
        LedgerUsageSource(reader: store, clock: clock) { patient in patient == "P-1" ? "L-1" : nil }
    }

    func testUsageAndRepaymentsOfTheLastTwelveMonthsComeFromTheLedger() async throws {
        let ledger = Ledger(store: store, clock: clock)
        try await ledger.execute(.openLine("L-1", limit: Money(fen: 100_000)), key: "open")
        try await ledger.execute(.placeHold("H-1", line: "L-1", amount: Money(fen: 30_000), expiresAt: nil), key: "hold-1")
        try await ledger.execute(.captureHold("H-1", amount: Money(fen: 30_000)), key: "capture-1")
        try await ledger.execute(.repay("L-1", amount: Money(fen: 5_000)), key: "repay-old")
        clock.advance(seconds: 300 * 86_400)
        try await ledger.execute(.repay("L-1", amount: Money(fen: 5_000)), key: "repay-1")
        try await ledger.execute(.repay("L-1", amount: Money(fen: 5_000)), key: "repay-2")
        try await ledger.execute(.placeHold("H-2", line: "L-1", amount: Money(fen: 10_000), expiresAt: nil), key: "hold-2")
        clock.advance(seconds: 100 * 86_400)

        let features = await source().features(of: "P-1")
        XCTAssertEqual(features["repayments_12m"], .number(2), "the repayment 400 days ago is older than twelve months")
        XCTAssertEqual(features["credit_utilisation"], .number(0.25), "15,000 outstanding and 10,000 held of 100,000")
        XCTAssertEqual(features["credit_line_status"], .category("usable"))
        XCTAssertEqual(Set(features.values.keys), Set(source().featureNames))
    }

    func testAPatientWithoutALineHasEveryFeatureMissing() async {
        let features = await source().features(of: "P-2")
        XCTAssertEqual(Set(features.values.values), [.missing(.noRecord)])
        let unopened = await source().features(of: "P-1")
        XCTAssertEqual(Set(unopened.values.values), [.missing(.noRecord)], "the patient's line is not in the ledger")
    }
}
