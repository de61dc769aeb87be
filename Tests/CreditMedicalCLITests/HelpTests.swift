import CreditMedicalTestSupport
import Foundation
import XCTest

/// Every command answers `-h` and `--help` with its usage, the same as `help` prints for it; an
/// unknown option is a usage error that names the option and shows the command's usage.
final class HelpTests: CommandLineTestCase {
    /// Every command, and the groups of commands (`bench`).
    private static let commands: [[String]] = [
        ["demo"], ["audit"], ["bench"], ["bench", "ledger"], ["bench", "billing"], ["copy"], ["help"], ["checkouts"],
        ["checkouts", "retry"], ["checkouts", "cancel"],
    ]

    func testEveryCommandAnswersHelpWithItsUsageOnStandardOutput() throws {
        let whole = try runApart(["help"])
        XCTAssertEqual(whole.status, 0, whole.both)
        for words in Self.commands {
            let help = try runApart(["help"] + words)
            XCTAssertEqual(help.status, 0, "\(words): \(help.both)")
            for flag in ["-h", "--help"] {
                let result = try runApart(words + [flag])
                XCTAssertEqual(result.status, 0, "\(words) \(flag): \(result.both)")
                XCTAssertEqual(result.standardError, "", "\(words) \(flag)")
                XCTAssertTrue(result.standardOutput.hasPrefix("usage:\n  credit-medical \(words.joined(separator: " "))"),
                              "\(words) \(flag): \(result.both)")
                XCTAssertEqual(result.standardOutput, help.standardOutput, "\(words) \(flag): help and --help agree")
                XCTAssertTrue(whole.standardOutput.contains(result.standardOutput.dropFirst("usage:\n".count)), "\(words) is in help")
            }
        }
        let bench = try runApart(["bench", "--help"])
        XCTAssertTrue(bench.standardOutput.contains("credit-medical bench ledger"), bench.both)
        XCTAssertTrue(bench.standardOutput.contains("credit-medical bench billing"), bench.both)
    }

    func testAnUnknownOptionIsAUsageErrorNamingItWithTheCommandsUsage() throws {
        for words in Self.commands where words != ["bench"] {
            let positional = words.count == 2 && words[0] == "checkouts" ? ["MZ-1"] : []
            let result = try runApart(words + positional + ["--frobnicate"])
            XCTAssertEqual(result.status, 2, "\(words): \(result.both)")
            XCTAssertEqual(result.standardOutput, "", "\(words)")
            XCTAssertTrue(result.standardError.hasPrefix("error: unknown option --frobnicate\n"), "\(words): \(result.both)")
            XCTAssertTrue(result.standardError.contains("usage:\n  credit-medical \(words.joined(separator: " "))"), "\(words): \(result.both)")
        }
        let group = try runApart(["bench", "--frobnicate"])
        XCTAssertEqual(group.status, 2, group.both)
        XCTAssertTrue(group.standardError.contains("bench needs one of: ledger, billing"), group.both)
    }
}
