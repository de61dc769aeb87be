/// An amount of renminbi in integer fen (分): 1 yuan = 100 fen.
///
/// Money never uses floating point. Arithmetic that could overflow `Int64` is offered only as
/// throwing methods (``adding(_:)``, ``subtracting(_:)``, ``multiplied(by:)``), so an overflow
/// becomes a ``MoneyError`` instead of a crash or a wrong balance.
///
/// ```swift
/// let price = try Money(parsing: "¥1,234.50")   // 123_450 fen
/// let twice = try price.multiplied(by: 2)
/// print(twice)                                  // ¥2,469.00
/// ```
public struct Money: Sendable, Hashable, Comparable, Codable {
    /// The amount in fen; negative amounts are allowed for deltas and refunds.
    public internal(set) var fen: Int64

    /// An amount of `fen` fen.
    public init(fen: Int64) {
        self.fen = fen
    }

    /// Zero fen.
    public static let zero = Money(fen: 0)

    /// A whole number of yuan, or ``MoneyError/Code/overflow`` when it does not fit.
    public init(yuan: Int64) throws(MoneyError) {
        let (fen, overflow) = yuan.multipliedReportingOverflow(by: 100)
        guard !overflow else { throw MoneyError(.overflow) }
        self.fen = fen
    }

    /// Whether the amount is greater than zero.
    public var isPositive: Bool { fen > 0 }

    /// The sum, or ``MoneyError/Code/overflow``.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        let (sum, overflow) = fen.addingReportingOverflow(other.fen)
        guard !overflow else { throw MoneyError(.overflow) }
        return Money(fen: sum)
    }

    /// The difference, or ``MoneyError/Code/overflow``.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        let (difference, overflow) = fen.subtractingReportingOverflow(other.fen)
        guard !overflow else { throw MoneyError(.overflow) }
        return Money(fen: difference)
    }

    /// The product with a whole factor, or ``MoneyError/Code/overflow``.
    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = fen.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw MoneyError(.overflow) }
        return Money(fen: product)
    }

    /// `permille` thousandths of the amount (800 for 80 %), rounded toward zero to the fen; exact
    /// for every amount, or ``MoneyError/Code/overflow`` when the share does not fit.
    public func share(permille: Int64) throws(MoneyError) -> Money {
        // fen = q × 1,000 + r, so fen × p / 1,000 = q × p + r × p / 1,000 exactly, without the
        // intermediate product that would overflow first.
        let (q, r) = fen.quotientAndRemainder(dividingBy: 1_000)
        let (whole, wholeOverflow) = q.multipliedReportingOverflow(by: permille)
        let (part, partOverflow) = r.multipliedReportingOverflow(by: permille)
        let (sum, sumOverflow) = whole.addingReportingOverflow(part / 1_000)
        guard !wholeOverflow, !partOverflow, !sumOverflow else { throw MoneyError(.overflow) }
        return Money(fen: sum)
    }

    /// The amount with its sign flipped, or ``MoneyError/Code/overflow`` for `Int64.min` fen.
    public func negated() throws(MoneyError) -> Money {
        try Money.zero.subtracting(self)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
}

extension Money: CustomStringConvertible {
    /// The amount as yuan with a currency sign and thousands separators: `¥1,234.56`, `-¥0.05`.
    public var description: String { formatted() }

    /// The amount as yuan with two decimals, thousands separators and, unless `symbol` is empty,
    /// a currency symbol after the sign.
    public func formatted(symbol: String = "¥") -> String {
        // Written backwards from the end of a buffer on the stack: cents, point, yuan digits with
        // a separator before every third, symbol, sign.
        let symbolBytes = symbol.utf8
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32 + symbolBytes.count) { buffer in
            var start = buffer.count
            func prepend(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            let cents = UInt8(fen.magnitude % 100)
            prepend(UInt8(ascii: "0") + cents % 10)
            prepend(UInt8(ascii: "0") + cents / 10)
            prepend(UInt8(ascii: "."))
            var yuan = fen.magnitude / 100
            var digits = 0
            repeat {
                if digits > 0 && digits % 3 == 0 { prepend(UInt8(ascii: ",")) }
                prepend(UInt8(ascii: "0") + UInt8(yuan % 10))
                yuan /= 10
                digits += 1
            } while yuan > 0
            for byte in symbolBytes.reversed() { prepend(byte) }
            if fen < 0 { prepend(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }
}
