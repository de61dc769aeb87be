public import CreditMedicalCore
import Foundation

/// The seed of a randomized test: a fixed number, so every run tries the same cases, unless the
/// environment variable `CREDITMEDICAL_SEED` gives another, to try new cases or to replay a
/// failure. A failure says which seed it had and how to replay it:
///
/// ```swift
/// func testRandomBillsAddUp() async throws {
///     let seed = try TestSeed(fixed: 42)
///     try await seed.run { random in
///         let total = Int64(random.next(below: 100_000))
///         XCTAssertEqual(try split(total).sum, total, "\(seed)")   // "seed 42 (CREDITMEDICAL_SEED=42 replays it)"
///     }
/// }
/// ```
///
/// Put `\(seed)` in the message of every assertion that depends on the random values; ``run(_:)``
/// adds it to whatever the test throws.
public struct TestSeed: Sendable, CustomStringConvertible {
    /// The environment variable that overrides the fixed seed.
    public static let environmentVariable = "CREDITMEDICAL_SEED"

    /// The seed this run uses.
    public let value: UInt64

    /// The seed `CREDITMEDICAL_SEED` gives in `environment` (by default the process's), else
    /// `fixed`; throws when the variable is set to something other than a whole number from 0 to
    /// 2⁶⁴ − 1.
    public init(fixed: UInt64, environment: [String: String]? = nil) throws {
        guard let text = (environment ?? ProcessInfo.processInfo.environment)[Self.environmentVariable] else {
            value = fixed
            return
        }
        guard let given = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw TestSeedError(.invalidSeed, context: ["variable": Self.environmentVariable, "value": text])
        }
        value = given
    }

    public var description: String { "seed \(value) (\(Self.environmentVariable)=\(value) replays it)" }

    /// A generator started from this seed.
    public func generator() -> SplitMix64 { SplitMix64(seed: value) }

    /// Runs `body` with a generator started from this seed; what it throws comes back with the
    /// seed added to its description.
    public func run<Result>(_ body: (inout SplitMix64) async throws -> Result) async throws -> Result {
        var random = generator()
        do {
            return try await body(&random)
        } catch {
            throw TestSeedError(.failed, context: ["seed": "\(value)", "replay": "\(Self.environmentVariable)=\(value)", "failure": "\(error)"])
        }
    }
}

/// A randomized test failed with a seed (its context names the seed and how to replay it), or the
/// seed given in the environment is not a number.
public typealias TestSeedError = DomainError<TestSeedErrorDomain>

/// The domain of ``TestSeedError``: its codes are static members of `TestSeedError.Code`.
public enum TestSeedErrorDomain: ErrorDomain {
    public static let generalSentence = "Test seed error."
}

extension TestSeedError.Code {
    /// `CREDITMEDICAL_SEED` is set to something other than a whole number from 0 to 2⁶⁴ − 1.
    public static let invalidSeed = Self("testing.invalid_seed", "The seed in the environment must be a whole number from 0 to 2^64 - 1.")
    /// The test run with the seed failed.
    public static let failed = Self("testing.failed_with_seed", "A randomized test failed; run it again with the seed to replay it.")
}
