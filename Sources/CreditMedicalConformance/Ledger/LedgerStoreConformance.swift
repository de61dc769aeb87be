public import CreditMedicalCore
import XCTest

/// The conformance suite every `LedgerStore` must pass. Subclass it, override
/// ``StoreConformanceSuite/makeStore()`` (and ``StoreConformanceSuite/reopen(_:)`` for a store
/// that persists), and declare one test that runs the suite:
///
/// ```swift
/// final class MyStoreConformanceTests: LedgerStoreConformance {
///     override func makeStore() throws -> any LedgerStore { try MyStore(url: freshDatabase()) }
///     override func reopen(_ store: any LedgerStore) throws -> (any LedgerStore)? {
///         try MyStore(url: XCTUnwrap(store as? MyStore).url)
///     }
///     func testConformance() async throws {
///         let passed = await runAll()
///         XCTAssertEqual(passed, Self.allScenarios.count)
///     }
/// }
/// ```
///
/// On Linux, `swift test` does not run `test…` methods a subclass inherits from a class in
/// another module, so the scenarios are plain methods listed in ``allScenarios`` and the
/// subclass calls ``ConformanceSuite/runAll()`` (or ``ConformanceSuite/run(_:)`` per scenario)
/// from its own tests; `runAll()` returns how many scenarios passed. Each scenario
/// runs on a fresh store, checks every effect and every error code through the `Ledger`, checks
/// that a rejected command leaves the store exactly as it was, and ends with a clean
/// `LedgerAuditor` report. Failures name the scenario.
///
/// Every scenario calls `makeStore()` once (twice for the concurrency scenario). For a store that
/// does not persist, `reopen(_:)` answers `nil` and the durability scenario only checks that
/// nothing is lost in memory.
open class LedgerStoreConformance: StoreConformanceSuite<any LedgerStore> {
    override func scenarios() -> [BoundScenario] {
        Self.allScenarios.map { scenario in
            BoundScenario(name: scenario.name) {
                let fixture = try LedgerFixture(scenario: scenario.name, store: self.makeStore(), suite: self)
                try await scenario.body(fixture)
                try fixture.expectCleanAudit()
            }
        }
    }
}

/// One named check of the ledger store suite.
public typealias LedgerScenario = ConformanceScenario<LedgerFixture>
