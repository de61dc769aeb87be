public import CreditMedicalCore
import XCTest

/// The conformance suite for a `CreditDataSource`. Subclass it, override ``makeSource()``,
/// ``knownPatient`` (a patient the source's test system holds records of) and ``unknownPatient``
/// (one it holds none of), and declare one test that calls ``ConformanceSuite/runAll()`` and
/// compares the count with ``allScenarios``.
///
/// What it checks: the source reports only the features it names, a patient without a record
/// gets every named feature as missing (never a zero or an empty category), a known patient gets
/// values, and an answer comes within ``timeLimit`` — gathering never throws, so a slow source
/// must give up on its own and report its features as `.missing(.sourceDown)`.
open class CreditDataSourceConformance: ConformanceSuite {
    /// A fresh source; each scenario calls this once.
    open func makeSource() throws -> any CreditDataSource {
        throw ConformanceError("Override makeSource() to return the data source under test.")
    }

    /// A patient the source's test system holds records of.
    open var knownPatient: String { "conformance-known" }

    /// A patient the source's test system has never heard of.
    open var unknownPatient: String { "conformance-unknown-\(UInt64.random(in: 1...UInt64.max))" }

    /// How long one answer may take.
    open var timeLimit: Duration { .seconds(5) }

    public static let allScenarios: [ConformanceScenario<CreditDataSourceConformance.Subject>] = [
        .init("reportsOnlyItsFeatures", reportsOnlyItsFeatures),
        .init("unknownPatientIsMissingNeverZero", unknownPatientIsMissingNeverZero),
        .init("knownPatientHasValues", knownPatientHasValues),
        .init("answersWithinTheTimeLimit", answersWithinTheTimeLimit),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios, of: self, makeSource)
    }

    /// What a scenario works with.
    public typealias Subject = AdapterSubject<any CreditDataSource, CreditDataSourceConformance>

    static func reportsOnlyItsFeatures(_ s: Subject) async throws {
        let named = Set(s.adapter.featureNames)
        XCTAssertFalse(named.isEmpty, "[reportsOnlyItsFeatures] the source names the features it reports")
        for patient in [s.suite.knownPatient, s.suite.unknownPatient] {
            let reported = await s.adapter.features(of: patient)
            let extra = Set(reported.values.keys).subtracting(named).sorted()
            XCTAssertEqual(extra, [], "[reportsOnlyItsFeatures] features the source does not name")
        }
    }

    static func unknownPatientIsMissingNeverZero(_ s: Subject) async throws {
        let reported = await s.adapter.features(of: s.suite.unknownPatient)
        for name in s.adapter.featureNames {
            guard case .missing = reported[name] else {
                XCTFail("[unknownPatientIsMissingNeverZero] \(name) is \(reported[name]) for a patient without a record")
                continue
            }
        }
    }

    static func knownPatientHasValues(_ s: Subject) async throws {
        let reported = await s.adapter.features(of: s.suite.knownPatient)
        let values = s.adapter.featureNames.filter { if case .missing = reported[$0] { false } else { true } }
        XCTAssertFalse(values.isEmpty, "[knownPatientHasValues] a patient with records gets values: \(reported.values)")
    }

    static func answersWithinTheTimeLimit(_ s: Subject) async throws {
        let start = ContinuousClock.now
        _ = await s.adapter.features(of: s.suite.unknownPatient)
        _ = await s.adapter.features(of: s.suite.knownPatient)
        let elapsed = ContinuousClock.now - start
        XCTAssertLessThanOrEqual(elapsed, s.suite.timeLimit * 2, "[answersWithinTheTimeLimit] two answers took \(elapsed)")
    }
}
