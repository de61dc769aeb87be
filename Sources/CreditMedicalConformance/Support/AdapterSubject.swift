import CreditMedicalCore

/// What a scenario of an adapter suite works with: a fresh adapter, the suite that made it (to look
/// up what the party's test system booked), and a number of its own that makes request ids and
/// encounter numbers unique to the run, so a persistent test system never sees one twice.
public struct AdapterSubject<Adapter: Sendable, Suite: ConformanceSuite>: Sendable {
    let adapter: Adapter
    private let box: UncheckedBox<Suite>
    let run = UInt64.random(in: 1...UInt64.max)

    init(_ adapter: Adapter, of suite: Suite) {
        self.adapter = adapter
        self.box = UncheckedBox(suite)
    }

    /// The suite, with the overrides that read the party's test system.
    var suite: Suite { box.value }

    /// A request id of this run.
    func request(_ name: String) -> AdapterRequestID { AdapterRequestID("conformance-\(run)-\(name)") }

    /// An encounter number of this run.
    func encounter(_ name: String) -> EncounterID { EncounterID("conformance-\(run)-\(name)") }
}

extension ConformanceSuite {
    /// `scenarios`, each run on a fresh adapter from `makeAdapter`.
    func bind<Adapter, Suite>(
        _ scenarios: [ConformanceScenario<AdapterSubject<Adapter, Suite>>], of suite: Suite, _ makeAdapter: @escaping () throws -> Adapter
    ) -> [BoundScenario] {
        scenarios.map { $0.bound { AdapterSubject(try makeAdapter(), of: suite) } }
    }
}
