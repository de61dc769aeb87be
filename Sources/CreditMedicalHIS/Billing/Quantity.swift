public import CreditMedicalCore

/// A quantity of a charge item in thousandths, so that half a box (0.5) or 0.125 g is exact:
/// no floating point.
///
/// ```swift
/// let halfBox = try Quantity(parsing: "0.5")   // 500 thousandths
/// halfBox.description                          // "0.5"
/// ```
public struct Quantity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The quantity in thousandths of a unit.
    public var thousandths: Int64

    /// A quantity of `thousandths` thousandths.
    public init(thousandths: Int64) {
        self.thousandths = thousandths
    }

    /// A whole number of units.
    public init(units: Int64) throws(BillingError) {
        let (value, overflow) = units.multipliedReportingOverflow(by: 1_000)
        guard !overflow else { throw BillingError(.amountOverflow, details: "quantity \(units)") }
        thousandths = value
    }

    /// Parses a decimal such as `"2"`, `"0.5"` or `"1.125"`: at most three decimals, no sign, no
    /// exponent.
    public init(parsing text: String) throws(BillingError) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !whole.isEmpty, fraction.count <= 3, parts.count == 1 || !fraction.isEmpty,
              whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              let units = Int64(whole)
        else { throw BillingError(.invalidQuantity, details: text) }
        let (scaled, overflow) = units.multipliedReportingOverflow(by: 1_000)
        let padded = Int64(fraction + String(repeating: "0", count: 3 - fraction.count)) ?? 0
        let (value, overflow2) = scaled.addingReportingOverflow(padded)
        guard !overflow, !overflow2 else { throw BillingError(.amountOverflow, details: "quantity \(text)") }
        thousandths = value
    }

    /// Zero units.
    public static let zero = Quantity(thousandths: 0)

    /// Whether the quantity is greater than zero.
    public var isPositive: Bool { thousandths > 0 }

    /// The price of this quantity at `unitPrice` per unit, rounded to the fen half away from zero
    /// (四舍五入): `0.5 × ¥0.05 = ¥0.03`. The one rounding rule of the billing module.
    public func price(at unitPrice: Money) throws(BillingError) -> Money {
        let (product, overflow) = thousandths.multipliedReportingOverflow(by: unitPrice.fen)
        guard !overflow else { throw BillingError(.amountOverflow, details: "\(self) × \(unitPrice.fen)") }
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: 1_000)
        let roundAway: Int64 = remainder.magnitude >= 500 ? (product < 0 ? -1 : 1) : 0
        return Money(fen: quotient + roundAway)
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.thousandths < rhs.thousandths }

    /// The quantity as a decimal without trailing zeros: `2`, `0.5`, `1.125`.
    public var description: String {
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        var fraction = String(magnitude % 1_000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(magnitude / 1_000)\(fraction.isEmpty ? "" : ".")\(fraction)"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
