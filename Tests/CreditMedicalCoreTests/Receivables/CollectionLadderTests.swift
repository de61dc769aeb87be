import CreditMedicalCore
import CreditMedicalTestSupport
import Foundation
import XCTest

final class CollectionLadderTests: XCTestCase {
    func testThePresetsAreValidAndRoundTrip() throws {
        for preset in [CollectionLadder.suzhouStyle, .beijingStyle] {
            XCTAssertNoThrow(try preset.validate())
            XCTAssertEqual(try CollectionLadder(json: preset.json()), preset)
        }
    }

    func testALadderFileThatBreaksARuleIsRefusedNamingIt() async throws {
        func file(_ steps: String) -> Data {
            Data(#"{"format":"creditmedical.collection","formatVersion":1,"id":"t","version":"1","steps":[\#(steps)]}"#.utf8)
        }
        let cases: [(String, String, String)] = [
            (#"{"name":"sms-1","day":1,"action":"sms"},{"name":"remind","day":-3,"action":"reminder"}"#, "steps[1].day", "out of order"),
            (#"{"name":"a","day":1,"action":"sms"},{"name":"b","day":1,"action":"app_message"}"#, "steps[1].day", "out of order"),
            (#"{"name":"a","day":2,"action":"reminder"}"#, "steps[0].day", "a reminder comes by the due day"),
            (#"{"name":"a","day":0,"action":"sms"}"#, "steps[0].day", "must be 1 or more"),
            (#"{"name":"a","day":1,"action":"sms"},{"name":"a","day":2,"action":"sms"}"#, "steps[1].name", "used twice"),
            (#"{"name":"a","day":1,"action":"cut_limit"}"#, "steps[0].permille", "a cut needs a share"),
            (#"{"name":"a","day":1,"action":"cut_limit","permille":1000}"#, "steps[0].permille", "a cut needs a share"),
            (#"{"name":"a","day":1,"action":"sms","permille":10}"#, "steps[0].permille", "only a cut has a share"),
            (#"{"name":"a","day":1,"action":"suspend"},{"name":"b","day":2,"action":"suspend"}"#, "steps[1].action", "happens once"),
            (#"{"name":"a","day":1,"action":"sms","colour":"red"}"#, "steps[0].colour", "unknown key"),
            (#"{"name":"a","day":1,"action":"shout"}"#, "steps[0].action", "CollectionAction"),
            ("", "steps", "at least one step"),
        ]
        for (steps, path, problem) in cases {
            let error = await assertThrows(PolicyError.Code.invalidPolicy) { try CollectionLadder(json: file(steps)) } as? PolicyError
            XCTAssertEqual(error?.context["path"], path, steps)
            XCTAssertTrue(error?.context["problem"]?.contains(problem) ?? false, "\(steps): \(error?.context["problem"] ?? "")")
        }
    }
}
