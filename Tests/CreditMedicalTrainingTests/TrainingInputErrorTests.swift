import CreditMedicalCore
import CreditMedicalTraining
import XCTest

final class TrainingInputErrorTests: XCTestCase {
    private func trainingError(_ csv: String, target: String = "bad", options: TrainingOptions = TrainingOptions()) throws -> TrainingError? {
        let table = try CSVTable(csv: csv)
        do {
            _ = try ScorecardTrainer(options: options).train(table, target: target)
            return nil
        } catch {
            return error
        }
    }

    func testAMissingTargetListsTheColumns() throws {
        let failure = try trainingError("x,y\n1,2\n", target: "default")
        XCTAssertEqual(failure?.code, .missingTarget)
        XCTAssertEqual(failure?.context["columns"], "x,y")
    }

    func testATargetOtherThanZeroOrOneNamesRowLineAndValue() throws {
        let failure = try trainingError("x,bad\n1,0\n2,1\n3,2\n")
        XCTAssertEqual(failure?.code, .invalidTarget)
        XCTAssertEqual(failure?.context, ["row": "3", "line": "4", "value": "2.0"])
        let text = try trainingError("x,bad\n1,0\n2,yes\n")
        XCTAssertEqual(text?.context, ["row": "2", "line": "3", "value": "yes"])
        XCTAssertEqual(try trainingError("x,bad\n1,0\n2,\n")?.context["value"], "missing")
    }

    func testZeroPointZeroAndOnePointZeroAreAccepted() throws {
        let rows = (0..<40).map { "\($0),\(["good", "bad"][$0 % 2]),\($0 % 2 == 0 ? "0.0" : "1.0")" }
        XCTAssertNil(try trainingError("x,word,bad\n" + rows.joined(separator: "\n")))
    }

    func testOnlyConstantExcludedOrEmptyColumnsLeaveNothingToTrainOn() throws {
        let rows = (0..<20).map { "7,,\($0),\($0 % 2)" }
        let failure = try trainingError("same,empty,age,bad\n" + rows.joined(separator: "\n"), options: TrainingOptions(excluded: ["age"]))
        XCTAssertEqual(failure?.code, .noUsableFeature)
        XCTAssertEqual(failure?.context["dropped"], "same,empty,age")
    }

    func testASingleClassCannotBeLearnt() throws {
        XCTAssertEqual(try trainingError("x,bad\n1,0\n2,0\n")?.code, .singleClass)
    }

    func testOptionsOutOfRangeAreNamed() throws {
        let failure = try trainingError("x,bad\n1,0\n2,1\n", options: TrainingOptions(binning: BinningOptions(minimumBinShare: 0.7)))
        XCTAssertEqual(failure?.code, .invalidOptions)
        XCTAssertEqual(failure?.context["option"], "minimumBinShare")
    }
}
