/// The common base of the store suites (`ArrearsStoreConformance`, `LedgerStoreConformance`, …):
/// the factory a vendor overrides to hand each scenario a fresh store, and the hook that opens a
/// persisted store again. `Store` is the store protocol the suite certifies, as an existential
/// (`any LedgerStore`); subclass the suite of your store, not this class.
open class StoreConformanceSuite<Store: Sendable>: ConformanceSuite {
    /// A fresh, empty store; each scenario calls this once.
    open func makeStore() throws -> Store {
        throw ConformanceError("Override makeStore() to return a fresh, empty store.")
    }

    /// The same store closed and opened again (for a suite that says so, opened a second time while
    /// the first stays open), or `nil` for a store that does not persist.
    open func reopen(_ store: Store) throws -> Store? { nil }

    /// What a scenario works with: a fresh store, and a way to open it again.
    public struct Subject: Sendable {
        let store: Store
        private let suite: UncheckedBox<StoreConformanceSuite<Store>>

        init(store: Store, suite: StoreConformanceSuite<Store>) {
            self.store = store
            self.suite = UncheckedBox(suite)
        }

        /// `store` opened again through the suite's `reopen(_:)`, or `nil` for a store that does not
        /// persist.
        func reopened() throws -> Store? { try suite.value.reopen(store) }
    }

    /// `scenarios`, each run on a fresh store from `makeStore()`.
    func bind(_ scenarios: [ConformanceScenario<Subject>]) -> [BoundScenario] {
        scenarios.map { $0.bound { Subject(store: try self.makeStore(), suite: self) } }
    }
}
