import CreditMedicalCore
import CreditMedicalTraining
import XCTest

final class CSVTableTests: XCTestCase {
    func testQuotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws {
        let table = try CSVTable(csv: "name,note,amount\n\"Li, Wei\",\"said \"\"hi\"\"\",1\nZhang,\"two\nlines\",2\n")
        XCTAssertEqual(table.columnNames, ["name", "note", "amount"])
        XCTAssertEqual(table.rowCount, 2)
        guard case .categories(let codes, let dictionary)? = table.column("name"),
              case .categories(let noteCodes, let notes)? = table.column("note") else { return XCTFail("text columns expected") }
        XCTAssertEqual(codes.map { dictionary[Int($0)] }, ["Li, Wei", "Zhang"])
        XCTAssertEqual(noteCodes.map { notes[Int($0)] }, ["said \"hi\"", "two\nlines"])
        // The second row starts on line 3; the one after a quoted line break would start on line 5.
        XCTAssertEqual(table.rowLines, [2, 3])
    }

    func testCRLFAndByteOrderMarkAreRead() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("income,city\r\n1200.5,Wuhan\r\n800,Xi'an\r\n".utf8)
        let table = try CSVTable(data: Data(bytes))
        XCTAssertEqual(table.columnNames, ["income", "city"])
        guard case .numbers(let incomes)? = table.column("income"), case .categories(let codes, let cities)? = table.column("city") else {
            return XCTFail("a numeric and a text column expected")
        }
        XCTAssertEqual(incomes, [1200.5, 800])
        XCTAssertEqual(codes.map { cities[Int($0)] }, ["Wuhan", "Xi'an"])
    }

    func testMissingSpellingsBecomeNaNOrCodeMinusOne() throws {
        let table = try CSVTable(csv: "x,y\n1,a\n,NA\nN/A,b\nNaN,null\nNULL,\n4,a\n")
        guard case .numbers(let numbers)? = table.column("x"), case .categories(let codes, let dictionary)? = table.column("y") else {
            return XCTFail("a numeric and a text column expected")
        }
        XCTAssertEqual(numbers.map { $0.isNaN }, [false, true, true, true, true, false])
        XCTAssertEqual(numbers.first, 1)
        XCTAssertEqual(numbers.last, 4)
        XCTAssertEqual(codes, [0, -1, 1, -1, -1, 0])
        XCTAssertEqual(dictionary, ["a", "b"])
    }

    func testAColumnWithOneWordIsText() throws {
        let table = try CSVTable(csv: "grade\n1\n2\nA\n")
        guard case .categories(_, let dictionary)? = table.column("grade") else { return XCTFail("text expected") }
        XCTAssertEqual(dictionary, ["1", "2", "A"])
    }

    func testBatchAndApplicantCarryTheSameValues() throws {
        let table = try CSVTable(csv: "x,y\n1.5,a\n,b\n")
        XCTAssertEqual(table.batch().count, 2)
        XCTAssertEqual(Set(table.batch(excluding: ["y"]).columns.keys), ["x"])
        XCTAssertEqual(table.applicant(row: 0)["x"], .number(1.5))
        XCTAssertEqual(table.applicant(row: 1)["x"], .missing(.noRecord))
        XCTAssertEqual(table.applicant(row: 1)["y"], .category("b"))
    }

    func testColumnsInMemoryMustMatchInLength() throws {
        let table = try CSVTable(columnNames: ["x", "y"], columns: [.numbers([1, 2]), .categories(codes: [0, -1], dictionary: ["a"])])
        XCTAssertEqual(table.rowCount, 2)
        XCTAssertEqual(table.rowLines, [2, 3])
        XCTAssertEqual(table.rows([1]).applicant(row: 0)["y"], .missing(.noRecord))
        XCTAssertThrowsError(try CSVTable(columnNames: ["x", "y"], columns: [.numbers([1, 2]), .numbers([1])])) { error in
            XCTAssertEqual((error as? TrainingError)?.code, .unevenColumns)
            XCTAssertEqual((error as? TrainingError)?.context["rows"], "2,1")
        }
        XCTAssertThrowsError(try CSVTable(columnNames: ["x"], columns: [.numbers([1]), .numbers([2])]))
    }
}
