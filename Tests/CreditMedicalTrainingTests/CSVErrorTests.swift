import CreditMedicalCore
import CreditMedicalTraining
import XCTest

final class CSVErrorTests: XCTestCase {
    private func error(_ bytes: [UInt8]) -> TrainingError? {
        do {
            _ = try CSVTable(data: Data(bytes))
            return nil
        } catch {
            return error
        }
    }

    private func error(_ text: String) -> TrainingError? { error(Array(text.utf8)) }

    func testAnEmptyFileHasNoHeader() {
        XCTAssertEqual(error("")?.code, .emptyFile)
        XCTAssertEqual(error("\n\r\n")?.code, .emptyFile)
    }

    func testARaggedRowNamesItsLineAndCounts() {
        let failure = error("a,b,c\n1,2,3\n4,5\n")
        XCTAssertEqual(failure?.code, .raggedRow)
        XCTAssertEqual(failure?.context, ["line": "3", "fields": "2", "expected": "3"])
    }

    func testInvalidUTF8NamesTheLine() {
        let failure = error(Array("city,x\nWuhan,1\n".utf8) + [0xC3, 0x28] + Array(",2\n".utf8))
        XCTAssertEqual(failure?.code, .invalidUTF8)
        XCTAssertEqual(failure?.context["line"], "3")
    }

    func testAnUnclosedQuoteNamesItsLine() {
        let failure = error("a,b\n1,\"open\n")
        XCTAssertEqual(failure?.code, .malformedQuote)
        XCTAssertEqual(failure?.context["line"], "2")
        XCTAssertEqual(error("a,b\n\"x\"y,1\n")?.code, .malformedQuote)
    }

    func testDuplicateColumnsAreRefused() {
        let failure = error("a,b,a\n1,2,3\n")
        XCTAssertEqual(failure?.code, .duplicateColumn)
        XCTAssertEqual(failure?.context["column"], "a")
    }

    func testAnUnreadableFileNamesItsPath() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).csv")
        XCTAssertThrowsError(try CSVTable(contentsOf: path)) { error in
            XCTAssertEqual((error as? TrainingError)?.code, .unreadableFile)
            XCTAssertEqual((error as? TrainingError)?.context["path"], path.path)
        }
    }
}
