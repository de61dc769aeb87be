import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class TestSeedTests: XCTestCase {
    func testTheFixedSeedUnlessTheEnvironmentGivesOne() throws {
        XCTAssertEqual(try TestSeed(fixed: 42, environment: [:]).value, 42)
        XCTAssertEqual(try TestSeed(fixed: 42, environment: ["CREDITMEDICAL_SEED": "7"]).value, 7)
        XCTAssertEqual(try TestSeed(fixed: 42, environment: ["CREDITMEDICAL_SEED": "18446744073709551615"]).value, .max)
        XCTAssertThrowsError(try TestSeed(fixed: 42, environment: ["CREDITMEDICAL_SEED": "forty-two"])) { error in
            XCTAssertEqual((error as? TestSeedError)?.code, .invalidSeed, "\(error)")
            XCTAssertEqual((error as? TestSeedError)?.context["variable"], "CREDITMEDICAL_SEED")
        }
    }

    func testTheSameSeedGivesTheSameNumbers() throws {
        var first = try TestSeed(fixed: 42, environment: [:]).generator()
        var second = try TestSeed(fixed: 42, environment: [:]).generator()
        XCTAssertEqual((0..<5).map { _ in first.next() }, (0..<5).map { _ in second.next() })
    }

    func testAFailureSaysHowToReplayIt() async throws {
        let seed = try TestSeed(fixed: 42, environment: [:])
        XCTAssertEqual("\(seed)", "seed 42 (CREDITMEDICAL_SEED=42 replays it)")
        struct Broken: Error, CustomStringConvertible { var description: String { "the bill does not add up" } }
        do {
            try await seed.run { random in
                _ = random.next()
                throw Broken()
            }
            XCTFail("the error was swallowed")
        } catch {
            let failure = try XCTUnwrap(error as? TestSeedError, "\(error)")
            XCTAssertEqual(failure.code, .failed)
            XCTAssertEqual(failure.context, ["seed": "42", "replay": "CREDITMEDICAL_SEED=42", "failure": "the bill does not add up"])
        }
    }
}
