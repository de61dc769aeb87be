import CreditMedicalStoreSupport
import XCTest

final class ConcurrentMapTests: XCTestCase {
    struct Odd: Error, Equatable { let value: Int }

    func testALargeMapKeepsTheOrderAndASmallOneStaysOnOneThread() throws {
        let large = Array(0..<10_000)
        XCTAssertEqual(try large.concurrentMap { $0 * 3 }, large.map { $0 * 3 })
        XCTAssertEqual(try [1, 2, 3].concurrentMap { $0 + 1 }, [2, 3, 4])
        XCTAssertEqual(try [Int]().concurrentMap { $0 }, [])
    }

    func testTheFirstFailingChunkThrows() {
        let values = Array(0..<10_000)
        XCTAssertThrowsError(try values.concurrentMap { value -> Int in
            if value == 7 || value == 9_000 { throw Odd(value: value) }
            return value
        }) { XCTAssertEqual($0 as? Odd, Odd(value: 7)) }
    }
}
