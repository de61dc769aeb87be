import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// What an `ExternalScorer` refuses to be made with, and that its headers never show.
final class ExternalScorerConfigurationTests: XCTestCase {
    static let identity = ScorerIdentity(id: "bank-model", version: "2026-11")

    func testHTTPSAndOtherUnusableConfigurationsAreRefused() {
        let refused: [(String, Duration, Int, [String: String], String)] = [
            ("https://10.0.0.5:8443/score", .seconds(2), 2, [:], "https is not spoken; terminate TLS at the intranet's proxy and use http"),
            ("ftp://10.0.0.5/score", .seconds(2), 2, [:], "scheme ftp is not http"),
            ("10.0.0.5:8080/score", .seconds(2), 2, [:], "not a URL of the form http://host:port/path"),
            ("http://10.0.0.5:99999/score", .seconds(2), 2, [:], "the port is not a number from 1 to 65535"),
            ("http://user:pw@10.0.0.5/score", .seconds(2), 2, [:], "credentials in the URL; send them in a header"),
            ("http://10.0.0.5/score", .zero, 2, [:], "timeout not above zero"),
            ("http://10.0.0.5/score", .seconds(2), 0, [:], "attempts below one"),
            ("http://10.0.0.5/score", .seconds(2), 2, ["X-Key": "a\r\nb"], "header cannot be sent"),
            ("http://10.0.0.5/score", .seconds(2), 2, ["Content-Length": "1"], "header is set by the scorer"),
        ]
        for (url, timeout, attempts, headers, problem) in refused {
            XCTAssertThrowsError(try ExternalScorer(url: url, identity: Self.identity, timeout: timeout, attempts: attempts, headers: headers)) { error in
                XCTAssertTrue(ScoringError.Code.invalidModelService ~= error, "\(error)")
                XCTAssertEqual((error as? ScoringError)?.context["problem"], problem, url)
                XCTAssertFalse("\(error)".contains("a\r\nb"))
            }
        }
    }

    func testAURLWithoutPortOrPathMeansPort80AndTheRoot() throws {
        let scorer = try ExternalScorer(url: "http://model.intranet", identity: Self.identity)
        XCTAssertEqual(scorer.description, "ExternalScorer(bank-model@2026-11 at http://model.intranet/)")
        XCTAssertEqual(scorer.timeout, .seconds(2))
        XCTAssertEqual(scorer.attempts, 2)
    }

    func testTheAPIKeyNeverShowsInAnErrorOrTheScorersDescription() async throws {
        let key = "sk-live-7f3a9c"
        let server = try FakeModelServer(behaviour: .status(400))
        // A server that echoes the key in its error page, then the other failures.
        server.inject(.reply(status: 502, body: "bad gateway for key \(key)"), .reply(status: 502, body: "key \(key)"),
                      .malformedJSON, .closeWithoutAnswer, .closeWithoutAnswer, .delayed(.seconds(3), then: .status(200)),
                      .delayed(.seconds(3), then: .status(200)))
        let scorer = try ExternalScorer(url: server.url(), identity: Self.identity, timeout: .milliseconds(300), attempts: 2,
                                        headers: ["X-Api-Key": key])
        var errors: [ScoringError] = []
        for _ in 0..<5 {
            if let error = await failure({ try await scorer.score(["age_months": .number(400)]) }) { errors.append(error) }
        }
        let down = try ExternalScorer(url: "http://127.0.0.1:1/score", identity: Self.identity, attempts: 1, headers: ["X-Api-Key": key])
        if let error = await failure({ try await down.score([:]) }) { errors.append(error) }

        XCTAssertEqual(errors.map(\.code), [.modelFailed, .modelFailed, .modelFailed, .modelTimeout, .modelFailed, .modelFailed])
        XCTAssertTrue(server.requests.allSatisfy { $0.headers["x-api-key"] == key })
        XCTAssertTrue(errors[0].debugDescription.contains("[header]"), errors[0].debugDescription)
        for error in errors {
            XCTAssertFalse(error.description.contains(key), error.description)
            XCTAssertFalse(error.debugDescription.contains(key), error.debugDescription)
        }
        var dumped = ""
        dump(scorer, to: &dumped)
        for shown in [scorer.description, String(reflecting: scorer), dumped] {
            XCTAssertFalse(shown.contains(key), shown)
        }
    }
}
