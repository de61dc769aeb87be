import CreditMedicalCore
import XCTest

/// What the history suites (score records, consent events, enrollment steps) check of
/// `page(after:limit:)`: read two at a time, the pages give back every record once, in the order
/// recorded, and end with an empty page.
enum HistoryPages {
    static func check<Record: Equatable>(_ scenario: String, expected: [Record], same: ([Record], [Record]) -> Bool = (==),
                                         page: (Int64, Int) throws -> HistoryPage<Record>) throws {
        var (read, after) = ([Record](), Int64(0))
        for _ in 0...expected.count {
            let next = try page(after, 2)
            guard let last = next.last else { break }
            XCTAssertLessThanOrEqual(next.records.count, 2, "[\(scenario)] a page holds at most its limit")
            read += next.records
            after = last
        }
        XCTAssertTrue(same(read, expected), "[\(scenario)] every record once, in the order recorded: \(read)")
        XCTAssertTrue(try page(after, 2).records.isEmpty, "[\(scenario)] nothing after the last")
    }
}
