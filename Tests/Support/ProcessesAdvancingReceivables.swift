public import CreditMedicalCore
import Foundation
import XCTest

/// Several processes advancing one receivable store's journal position at once (the test
/// worker's `advance` command), as several SDK instances folding one ledger's journal would: what
/// they run and what must hold afterwards. Each reads the position and advances it by one, and
/// reads again when another was first.
public enum ProcessesAdvancingReceivables {
    /// How many processes race.
    public static let processes = 4
    /// How far they advance the position together.
    public static let positions: Int64 = 1_000

    /// The arguments of the worker processes, which begin together two seconds from now.
    public static func workerArguments(database: String) -> [[String]] {
        let start = Int64(Date().timeIntervalSince1970 * 1000) + 2_000
        return (0..<processes).map { ["advance", database, "P\($0)", "\(positions)", "\(start)"] }
    }

    /// Every process finished; exactly one won each position; the store holds exactly what the
    /// winners saved; and the processes did meet (some advance found the position moved).
    public static func check(_ results: [(status: Int32, output: String)], store: any ReceivableStore,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        var winners: [Int64: [String]] = [:]
        var moved = 0
        for (index, result) in results.enumerated() {
            XCTAssertEqual(result.status, 0, result.output, file: file, line: line)
            for words in result.output.split(separator: "\n").map({ $0.split(separator: " ") }) where words.count == 2 {
                if words[0] == "won", let position = Int64(words[1]) { winners[position, default: []].append("P\(index)") }
                if words[0] == "moved" { moved += Int(words[1]) ?? 0 }
            }
        }
        XCTAssertEqual(winners.keys.sorted(), Array(0..<positions), "every position won", file: file, line: line)
        XCTAssertEqual(winners.values.filter { $0.count != 1 }.count, 0, "one winner each: \(winners)", file: file, line: line)
        XCTAssertGreaterThan(moved, 0, "the processes raced", file: file, line: line)
        XCTAssertEqual(try store.position(), positions, file: file, line: line)
        let stored = try store.receivables(after: nil, limit: .max).map { "\($0.hold) \($0.line)" }
        let expected = winners.flatMap { position, names in names.flatMap { ["race-\(position) \($0)", "won-\(position)-\($0) \($0)"] } }
        XCTAssertEqual(stored.sorted(), expected.sorted(), "only the winners saved anything", file: file, line: line)
    }
}
