import CreditMedicalTraining
import XCTest

final class PopulationStabilityTests: XCTestCase {
    func testPSIMatchesTheHandComputationWithVerdicts() throws {
        // Shares 0.5/0.3/0.2 → 0.4/0.3/0.3: (0.4−0.5)·ln 0.8 + 0 + (0.3−0.2)·ln 1.5 = 0.022314 + 0.040547 = 0.062861.
        let stable = try PopulationStability(baseline: [50, 30, 20], current: [40, 30, 30])
        XCTAssertEqual(stable.psi, 0.062861, accuracy: 1e-6)
        XCTAssertEqual(stable.verdict, .stable)
        // 0.5/0.5 → 0.3/0.7: 0.2·ln(1/0.6) + 0.2·ln 1.4 = 0.102165 + 0.067294 = 0.169460.
        let watch = try PopulationStability(baseline: [50, 50], current: [30, 70])
        XCTAssertEqual(watch.psi, 0.169460, accuracy: 1e-6)
        XCTAssertEqual(watch.verdict, .watch)
        // 0.5/0.5 → 0.2/0.8: 0.3·ln 2.5 + 0.3·ln 1.6 = 0.274887 + 0.141001 = 0.415888.
        let act = try PopulationStability(baseline: [50, 50], current: [20, 80])
        XCTAssertEqual(act.psi, 0.415888, accuracy: 1e-6)
        XCTAssertEqual(act.verdict, .act)
    }

    func testAnEmptyBinCountsAsEpsilon() throws {
        // Baseline 0.5/0.5/0 (0 → 1e-4), current 0.5/0.4/0.1:
        // 0 + (−0.1)·ln 0.8 + (0.1 − 0.0001)·ln(0.1/0.0001) = 0.022314 + 0.690085 = 0.712400.
        let psi = try PopulationStability(baseline: [50, 50, 0], current: [50, 40, 10]).psi
        XCTAssertEqual(psi, 0.712400, accuracy: 1e-6)
    }
}
