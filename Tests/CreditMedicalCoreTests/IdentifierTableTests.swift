@testable import CreditMedicalCore
import XCTest

final class IdentifierTableTests: XCTestCase {
    func testFindsEveryKeyAcrossGrowthAndKeepsInsertionOrder() {
        var table = IdentifierTable<HoldID, Int>()
        let ids = (0..<5_000).map { HoldID("hold-\($0)-\(String(repeating: "x", count: $0 % 40))") }
        for (index, id) in ids.enumerated() {
            let (position, inserted) = table.positionInsertingIfAbsent(id) { index }
            XCTAssertTrue(inserted)
            XCTAssertEqual(position, index)
        }
        XCTAssertEqual(table.count, ids.count)
        XCTAssertEqual(table.keys, ids)
        for (index, id) in ids.enumerated() {
            XCTAssertEqual(table.position(of: id), index)
            XCTAssertEqual(table[id], index)
        }
        XCTAssertNil(table.position(of: "hold-5000"))
        XCTAssertFalse(table.positionInsertingIfAbsent(ids[17]) { -1 }.inserted, "a present key is not inserted again")
        XCTAssertEqual(table[ids[17]], 17)
    }

    func testComparesBytesNotUnicodeEquivalence() {
        var table = IdentifierTable<CreditLineID, String>()
        table.set("precomposed", for: CreditLineID("caf\u{E9}"))
        table.set("decomposed", for: CreditLineID("cafe\u{301}"))
        XCTAssertEqual(table.count, 2)
        XCTAssertEqual(table[CreditLineID("caf\u{E9}")], "precomposed")
        XCTAssertEqual(table[CreditLineID("cafe\u{301}")], "decomposed")
    }

    func testWritesInPlaceAndEmptiesKeepingNothing() {
        var table = IdentifierTable<IdempotencyKey, Int>()
        table.reserveCapacity(adding: 100)
        for index in 0..<100 { table.set(index, for: IdempotencyKey("k\(index)")) }
        table[position: table.position(of: "k7")!] += 1_000
        table.set(-1, for: "k8")
        XCTAssertEqual(table["k7"], 1_007)
        XCTAssertEqual(table["k8"], -1)
        XCTAssertEqual(table.count, 100)
        table.removeAll()
        XCTAssertEqual(table.count, 0)
        XCTAssertNil(table["k7"])
        table.set(3, for: "k7")
        XCTAssertEqual(table["k7"], 3)
    }
}
