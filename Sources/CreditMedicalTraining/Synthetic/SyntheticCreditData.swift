public import CreditMedicalCore
import Foundation

/// Made-up applicants of a treat-first, pay-later program, for tests and benchmarks: 7 numeric
/// and 13 categorical columns, some values missing, and a target `defaulted` (1 = bad) drawn from
/// a logistic model of the columns, about 15% bads. Some columns carry much signal, some little,
/// two are noise, `utilization` follows `debt_ratio`, and `department` has rare categories.
/// The same seed gives the same data.
public struct SyntheticCreditData: Sendable {
    /// The target column's name.
    public static let target = "defaulted"

    public let rows: Int
    public let seed: UInt64

    public init(rows: Int, seed: UInt64 = 42) {
        self.rows = max(rows, 0)
        self.seed = seed
    }

    /// The data as CSV text with a header row; missing values are empty fields.
    public func csv() -> String {
        var generator = SplitMix64(seed: seed)
        var text = (SyntheticColumns.numericNames + SyntheticColumns.categories.map(\.name) + [Self.target]).joined(separator: ",")
        text.reserveCapacity(rows * 160)
        text += "\n"
        for _ in 0..<rows {
            let applicant = SyntheticColumns.applicant(&generator)
            for value in applicant.numbers {
                text += value.map(Self.decimal) ?? ""
                text += ","
            }
            for category in applicant.categories {
                text += category ?? ""
                text += ","
            }
            text += applicant.bad ? "1\n" : "0\n"
        }
        return text
    }

    /// The data as a table.
    public func table() throws(TrainingError) -> CSVTable {
        try CSVTable(csv: csv())
    }

    /// `value` with at most two decimals.
    private static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : "", magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return fraction == 0 ? "\(sign)\(magnitude / 100)" : "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
